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
import java.util.Optional;

/**
 * The objects themselves: the fabric8 mock server's CRUD store (which keeps them, numbers resourceVersions,
 * bumps generation on spec changes, keeps status apart for CRDs with a status subresource and notifies
 * watches). The stand-in decides what may be written; the store only stores.
 */
public final class Store {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

    private Store() {
    }

    public static Store create() {
        return new Store();
    }

    KubernetesCrudDispatcher crud() {
        return crud;
    }

    Optional<ObjectNode> get(String objectPath) {
        MockResponse response = crud.handleGet(objectPath);
        if (response.code() != 200 || response.getBody() == null) {
            return Optional.empty();
        }
        return Optional.of((ObjectNode) parse(response.getBody().readUtf8()));
    }

    MockResponse create(String collectionPath, JsonNode object) {
        return crud.handleCreate(request(HttpMethod.POST, collectionPath, object.toString()));
    }

    MockResponse replace(String path, JsonNode object) {
        return crud.handleUpdate(request(HttpMethod.PUT, path, object.toString()));
    }

    MockResponse dispatch(RecordedRequest request) {
        return crud.dispatch(request);
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
