package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The objects themselves: the fabric8 mock server's CRUD store (which keeps them, numbers resourceVersions,
 * bumps generation on spec changes, keeps status apart for CRDs with a status subresource and notifies
 * watches). The stand-in decides what may be written; the store only stores.
 *
 * <p>One fabric8 store per resource (group and plural name): fabric8's store finds an object by scanning every
 * object it holds, under one lock, so with one store for everything each JoinRequest read also walked every Event
 * (a 1,000-member burst stores 2,000 of them) and every request waited for the others. Split per resource, a
 * request scans only its own kind and kinds do not wait for each other. Within a resource, one object is found by
 * its namespace and name in an index ({@link IndexedCrudDispatcher}), not by scanning the resource's objects, so a
 * JoinRequest read or write costs the same with 10 or 10,000 stored. The resourceVersion counter stays one for all
 * of them, as kube-apiserver's (etcd's revision) is: each store's counter is replaced by the shared one.
 */
public final class Store {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong resourceVersions = new AtomicLong();
    private final Map<String, KubernetesCrudDispatcher> byResource = new ConcurrentHashMap<>();

    private Store() {
    }

    public static Store create() {
        return new Store();
    }

    /** The store of the resource a request path names ({@code /apis/GROUP/VERSION/[namespaces/NS/]RESOURCE...}). */
    private KubernetesCrudDispatcher crud(String path) {
        String resource = ApiPath.parse(path).map(p -> p.group() + "/" + p.resource()).orElse("");
        return byResource.computeIfAbsent(resource, r -> new IndexedCrudDispatcher(resourceVersions));
    }

    /** Opens a watch: the upgrade response of the resource's own store, which sends it that store's changes. */
    MockResponse watch(String pathAndQuery) {
        return crud(pathAndQuery).handleGet(pathAndQuery);
    }

    Optional<ObjectNode> get(String objectPath) {
        MockResponse response = crud(objectPath).handleGet(objectPath);
        if (response.code() != 200 || response.getBody() == null) {
            return Optional.empty();
        }
        return Optional.of((ObjectNode) parse(response.getBody().readUtf8()));
    }

    MockResponse create(String collectionPath, JsonNode object) {
        return crud(collectionPath).handleCreate(request(HttpMethod.POST, collectionPath, object.toString()));
    }

    /**
     * Writes the object. A write that removes the last finalizer of an object being deleted deletes it, and
     * kube-apiserver answers it with the object as finally written (deletionTimestamp set, no finalizers, a new
     * resourceVersion); fabric8's store answers such a write with an empty body, which clients read as no object.
     */
    MockResponse replace(String path, JsonNode object) {
        MockResponse stored = crud(path).handleUpdate(request(HttpMethod.PUT, path, object.toString()));
        if (stored.code() == 200 && bodySize(stored) == 0 && finallyDeleted(object)) {
            ObjectNode last = object.deepCopy();
            last.with("metadata").put("resourceVersion", String.valueOf(resourceVersions.incrementAndGet()));
            return new MockResponse().setResponseCode(200).setBody(last.toString());
        }
        return stored;
    }

    private static boolean finallyDeleted(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return metadata.hasNonNull("deletionTimestamp") && metadata.path("finalizers").isEmpty();
    }

    private static long bodySize(MockResponse response) {
        return response.getBody() == null ? 0 : response.getBody().size();
    }

    MockResponse dispatch(RecordedRequest request) {
        return crud(request.getPath()).dispatch(request);
    }

    static RecordedRequest request(HttpMethod method, String path, String body) {
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(body == null ? new byte[0]
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the store holds no JSON: " + json, e);
        }
    }
}
