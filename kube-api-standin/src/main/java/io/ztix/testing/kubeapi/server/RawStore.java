package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Creates an object (JSON) under a collection path, e.g. {@code /apis/ztix.io/v1alpha1/namespaces/t/joinrequests},
     * with its status if it has one (etcd holds both; the store, like the API, takes status only through /status).
     */
    public int create(String collectionPath, String json) {
        ObjectNode object = (ObjectNode) Store.parse(json);
        int code = check(store.create(collectionPath, object), collectionPath);
        if (object.has("status")) {
            replace(collectionPath + "/" + object.path("metadata").path("name").asText() + "/status", json);
        }
        return code;
    }

    /**
     * Replaces an object (JSON, any resourceVersion) at its path; a whole object's status is replaced too, and a path
     * ending in /status replaces only the status.
     */
    public int replace(String objectPath, String json) {
        boolean statusOnly = objectPath.endsWith("/status");
        String path = statusOnly ? objectPath.substring(0, objectPath.length() - 7) : objectPath;
        int code = check(store.replace(objectPath, withCurrentVersion(path, json)), objectPath);
        if (!statusOnly && Store.parse(json).has("status")) {
            code = check(store.replace(path + "/status", withCurrentVersion(path, json)), path + "/status");
        }
        return code;
    }

    private ObjectNode withCurrentVersion(String path, String json) {
        ObjectNode object = (ObjectNode) Store.parse(json);
        store.get(path).ifPresent(current -> object.with("metadata").put("resourceVersion",
                current.path("metadata").path("resourceVersion").asText()));
        return object;
    }

    private static int check(MockResponse response, String path) {
        if (response.code() >= 300) {
            throw new IllegalStateException("the store refused " + path + ": " + response.code() + " "
                    + (response.getBody() == null ? "" : response.getBody().readUtf8()));
        }
        return response.code();
    }
}
