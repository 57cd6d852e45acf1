package io.ztix.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Answers API discovery (and the OpenAPI paths kubectl probes, with 404 as a server without them) itself,
 * hands every other request to the fabric8 mock server's CRUD store, and renders custom resources as a Table
 * when kubectl asks for one (so {@code kubectl get jr} shows the CRD's printer columns).
 */
final class DiscoveryDispatcher extends Dispatcher {

    private final KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(new HashMap<>());
    private volatile ApiDiscovery discovery;
    private volatile PrinterColumns printerColumns;

    void publish(ApiDiscovery discovery, PrinterColumns printerColumns) {
        this.discovery = discovery;
        this.printerColumns = printerColumns;
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
            if (isHttpWatch(request)) {
                // The mock server streams watches over WebSocket only (as the fabric8 client uses them); kubectl
                // watches over HTTP, e.g. while `kubectl delete` waits. "410 Expired" makes kubectl list again,
                // so waiting works, by polling.
                return new MockResponse().setResponseCode(410).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Expired\","
                                + "\"message\":\"the sandbox serves watches over WebSocket only\",\"code\":410}");
            }
            if (path.startsWith("/openapi/")) {
                return new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
            }
        }
        MockResponse response = crud.dispatch(request);
        String accept = request.getHeader("Accept");
        if ("GET".equals(request.getMethod()) && printerColumns != null && response.code() == 200 && accept != null
                && accept.contains("as=Table") && !path.contains("watch=")) {
            Optional<List<CustomResourceColumnDefinition>> columns = printerColumns.columnsFor(path.split("\\?")[0]);
            if (columns.isPresent()) {
                String table = PrinterColumns.table(response.getBody().readUtf8(), columns.get(), Instant.now());
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(table);
            }
        }
        return response;
    }

    private static boolean isHttpWatch(RecordedRequest request) {
        String path = request.getPath();
        return (path.contains("?watch=true") || path.contains("&watch=true") || path.contains("?watch=1")
                || path.contains("&watch=1")) && request.getHeader("Upgrade") == null;
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
