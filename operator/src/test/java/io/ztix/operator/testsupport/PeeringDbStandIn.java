package io.ztix.operator.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * PeeringDB's {@code GET /api/net?asn__in=...} on loopback, as documented (../shared/peeringdb/README.md):
 * {@code {"meta":{},"data":[...]}} with the networks it knows of the asked ASNs, and its failure modes on demand
 * (401 for a wrong API key, 429 with Retry-After, 5xx, garbage, an answer that never comes). Counts every call.
 */
public final class PeeringDbStandIn implements AutoCloseable {

    /** How the next calls are answered. */
    /** EMPTY_MULTI: a query for several ASNs answers an empty page (a PeeringDB fault); one ASN alone is answered. */
    public enum Mode { NORMAL, RATE_LIMITED, SERVER_ERROR, GARBAGE, SILENT, EMPTY_MULTI }

    private final HttpServer server;
    private final Map<Long, Boolean> nets = new ConcurrentHashMap<>();
    private final List<List<Long>> calls = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Mode mode = Mode.NORMAL;
    private volatile String retryAfter = "120";
    private volatile String requiredKey;

    private PeeringDbStandIn(HttpServer server) {
        this.server = server;
    }

    public static PeeringDbStandIn start() {
        return start(0);
    }

    /** On 127.0.0.1:port (0: any free port), for an operator configured with that URL. */
    public static PeeringDbStandIn start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            PeeringDbStandIn standIn = new PeeringDbStandIn(server);
            server.createContext("/api/net", standIn::answer);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** PeeringDB has a network with this ASN. */
    public PeeringDbStandIn net(long asn, boolean neverViaRouteServers) {
        nets.put(asn, neverViaRouteServers);
        return this;
    }

    /** PeeringDB no longer has a network with this ASN. */
    public void deleteNet(long asn) {
        nets.remove(asn);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** The Retry-After header of a 429. */
    public void retryAfter(String value) {
        this.retryAfter = value;
    }

    /** Only this key is accepted ({@code Authorization: Api-Key <key>}); others get 401. */
    public void requireKey(String key) {
        this.requiredKey = key;
    }

    /** The ASN list of every call so far, in order. */
    public List<List<Long>> calls() {
        return List.copyOf(calls);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        List<Long> asked = query == null || !query.startsWith("asn__in=") ? List.of()
                : Arrays.stream(query.substring("asn__in=".length()).split(",")).map(Long::parseLong).toList();
        calls.add(asked);
        String key = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(key == null ? "" : key);
        if (requiredKey != null && !("Api-Key " + requiredKey).equals(key)) {
            send(exchange, 401, "{\"meta\":{\"error\":\"Invalid API key\"},\"data\":[]}");
            return;
        }
        switch (mode) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
                send(exchange, 429, "{\"message\":\"Request was throttled.\"}");
            }
            case SERVER_ERROR -> send(exchange, 503, "<html><body>Service Unavailable</body></html>");
            case GARBAGE -> send(exchange, 200, "<html><body>maintenance</body></html>");
            case SILENT -> silent(exchange);
            case EMPTY_MULTI -> send(exchange, 200, asked.size() > 1 ? "{\"meta\":{},\"data\":[]}" : page(asked));
            case NORMAL -> send(exchange, 200, page(asked));
        }
    }

    private String page(List<Long> asked) {
        return "{\"meta\":{},\"data\":[" + asked.stream().filter(nets::containsKey)
                .map(asn -> "{\"id\":" + (1000 + asn) + ",\"asn\":" + asn + ",\"name\":\"Example AS" + asn
                            + "\",\"irr_as_set\":\"AS" + asn + "\",\"info_never_via_route_servers\":" + nets.get(asn) + "}")
                    .collect(Collectors.joining(",")) + "]}";
    }


    /** Never answers (until closed): PeeringDB slow beyond any timeout. */
    private void silent(HttpExchange exchange) {
        try {
            closing.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** For messages: the calls as "[[1,2],[3]]". */
    @Override
    public String toString() {
        return new ArrayList<>(calls).toString();
    }
}
