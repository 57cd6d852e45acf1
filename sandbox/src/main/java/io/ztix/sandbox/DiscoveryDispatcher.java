package io.ztix.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;
import java.util.Optional;

/**
 * Answers API discovery (and the OpenAPI paths kubectl probes, with 404 as a server without them) itself and
 * hands every other request to the fabric8 mock server's CRUD store.
 */
final class DiscoveryDispatcher extends Dispatcher {

    private final KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(new HashMap<>());
    private volatile ApiDiscovery discovery;

    void publish(ApiDiscovery discovery) {
        this.discovery = discovery;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if ("GET".equals(request.getMethod()) && discovery != null) {
            Optional<String> document = discovery.document(path);
            if (document.isPresent()) {
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(document.get());
            }
            if (path.startsWith("/openapi/")) {
                return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
            }
        }
        return crud.dispatch(request);
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
