package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Watches as kube-apiserver serves them, on top of the store's watch listener: from the requested
 * resourceVersion on (the store would replay every existing object as ADDED), filtered by a field selector on
 * any field (the store knows metadata.name only), over WebSocket (as the fabric8 client watches) or as a
 * chunked HTTP stream of JSON lines (as kubectl get -w and kubectl wait watch), optionally as Table rows.
 */
final class Watches {

    private Watches() {
    }

    /** Which events a watch passes on, and in what form. */
    record Filter(long sinceVersion, FieldSelector selector, UnaryOperator<JsonNode> render) {

        /** The event text to send, or null to drop it. */
        String apply(String eventText) {
            JsonNode event = Store.parse(eventText);
            JsonNode object = event.path("object");
            String type = event.path("type").asText();
            if (type.equals("ADDED") && sinceVersion > 0) {
                long version = parseVersion(object.path("metadata").path("resourceVersion").asText("0"));
                if (version <= sinceVersion) {
                    return null;
                }
            }
            if (!selector.isEmpty() && !selector.matches(object)) {
                return null;
            }
            if (render == null) {
                return eventText;
            }
            ObjectNode rendered = event.deepCopy();
            rendered.set("object", render.apply(object));
            return rendered.toString();
        }

        static long parseVersion(String version) {
            try {
                return Long.parseLong(version);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** Wraps the store's listener so that what it sends passes the filter first. */
    static WebSocketListener filtered(WebSocketListener store, Filter filter) {
        return new WebSocketListener() {
            private WebSocket wrapped;

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                wrapped = new FilteringSocket(webSocket, filter);
                store.onOpen(wrapped, response);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                store.onMessage(wrapped, text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                store.onClosing(wrapped, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                store.onClosed(wrapped, code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable error, Response response) {
                store.onFailure(wrapped == null ? webSocket : wrapped, error, response);
            }
        };
    }

    private record FilteringSocket(WebSocket delegate, Filter filter) implements WebSocket {
        @Override
        public RecordedRequest request() {
            return delegate.request();
        }

        @Override
        public boolean send(String text) {
            String passed = filter.apply(text);
            return passed == null || delegate.send(passed);
        }

        @Override
        public boolean send(byte[] bytes) {
            return send(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public boolean close(int code, String reason) {
            return delegate.close(code, reason);
        }
    }

    /** An HTTP response that carries watch events, one JSON object per line, until closed. */
    static final class HttpStream implements WebSocket {
        private final RecordedRequest request;
        private final HttpServerResponse response;
        private final AtomicBoolean closed = new AtomicBoolean();

        HttpStream(RecordedRequest request, HttpServerResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public RecordedRequest request() {
            return request;
        }

        @Override
        public boolean send(String text) {
            if (closed.get()) {
                return false;
            }
            response.write(text + "\n");
            return true;
        }

        @Override
        public boolean send(byte[] bytes) {
            return send(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public boolean close(int code, String reason) {
            if (closed.compareAndSet(false, true)) {
                try {
                    response.end();
                } catch (IllegalStateException e) {
                    // the client went away first
                }
            }
            return true;
        }
    }
}
