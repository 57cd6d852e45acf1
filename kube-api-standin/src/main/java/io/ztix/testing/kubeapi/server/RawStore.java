package io.ztix.testing.kubeapi.server;

import io.fabric8.mockwebserver.http.MockResponse;

/**
 * The store without the API in front: objects go in as they are, as if an older CRD (or no CRD) had let them
 * into etcd. Watches and lists see them like any other object. Only for tests that write a bad object on
 * purpose to prove a component survives it.
 */
public final class RawStore {

    private final Store store;

    public RawStore(Store store) {
        this.store = store;
    }

    /** Creates an object (JSON) under a collection path, e.g. {@code /apis/ztix.io/v1alpha1/namespaces/t/joinrequests}. */
    public int create(String collectionPath, String json) {
        return check(store.create(collectionPath, Store.parse(json)), collectionPath);
    }

    /** Replaces an object (JSON, any resourceVersion) at its path, status included when the path ends in /status. */
    public int replace(String objectPath, String json) {
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) Store.parse(json);
        String path = objectPath.endsWith("/status") ? objectPath.substring(0, objectPath.length() - 7) : objectPath;
        store.get(path).ifPresent(current -> object.with("metadata").put("resourceVersion",
                current.path("metadata").path("resourceVersion").asText()));
        return check(store.replace(objectPath, object), objectPath);
    }

    private static int check(MockResponse response, String path) {
        if (response.code() >= 300) {
            throw new IllegalStateException("the store refused " + path + ": " + response.code() + " "
                    + (response.getBody() == null ? "" : response.getBody().readUtf8()));
        }
        return response.code();
    }
}
