package io.ztix.portal.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the operator's looking-glass API (docs/operations.md "The looking-glass API"; the operator's side is
 * tested against real BIRD in LookingGlassLabTest): answers {@code /api/v1/routeservers/<ns>/<rs>/routes/...} with
 * the JSON a test gave for that path, 404 for any other path, 401 without the bearer token, and records every path
 * asked for. Tests drive it over HTTP: {@code POST /__answer?path=<path>} with the JSON, {@code GET /__asked}.
 */
public final class FakeLookingGlass implements AutoCloseable {

    public static final String TOKEN = "portal-test-looking-glass-token";

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    public FakeLookingGlass() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // control endpoints for tests (they may run in another class loader than this object)
        server.createContext("/__answer", exchange -> {
            String path = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("path=".length()),
                    StandardCharsets.UTF_8);
            answers.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/__asked", exchange -> {
            byte[] bytes = String.join("\n", asked).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(exchange.getRequestURI().toString());
            String body;
            int status;
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"error\":\"a bearer token is required\"}";
            } else if (answers.containsKey(path)) {
                status = 200;
                body = answers.get(path);
            } else {
                status = 404;
                body = "{\"error\":\"no such member session\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What to answer for a path such as /api/v1/routeservers/test/rs1/routes/filtered/m_as64501_..._v4. */
    public void answer(String path, String json) {
        answers.put(path, json);
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** From a test of the portal (which knows only the URL it is configured with): what to answer for {@code path}. */
    public static void answer(String url, String path, String json) throws java.io.IOException, InterruptedException {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                url + "/__answer?path=" + path)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    /** From a test of the portal: every path (with its query) the portal has asked for, one per line. */
    public static String asked(String url) throws java.io.IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url + "/__asked")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
