package io.ztix.operator.zerotier.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process ZeroTier controller API on 127.0.0.1 and a random port, for tests and sandboxes. The
 * subclasses give the behaviour of a self-hosted controller or of Central; this class gives the controls:
 * start/stop on the same port ({@link #setDown}), token rotation, {@link #wipe()}, injected answers and
 * delays, and the request log. No test framework is needed to use it.
 */
public abstract class FakeController implements AutoCloseable {

    protected final ControllerState state = new ControllerState();

    private final Deque<FakeResponse> injected = new ArrayDeque<>();
    private final List<Map.Entry<java.util.function.Predicate<RecordedRequest>, FakeResponse>> aimed = new ArrayList<>();
    private final Deque<Duration> delays = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile String token;
    private final HttpWorkers workers = new HttpWorkers();
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    protected FakeController(String token) {
        this.token = token;
    }

    /** Starts listening; the first start picks a free port, later starts reuse it. */
    public synchronized FakeController start() {
        if (server != null) {
            return this;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                break;
            } catch (BindException e) {
                last = e;
                sleep(Duration.ofMillis(100));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (server == null) {
            throw new UncheckedIOException("cannot listen on port " + port + " again", last);
        }
        port = server.getAddress().getPort();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-zerotier-" + port);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        return this;
    }

    /** Stops listening (connections are refused) but keeps state and port. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Down: stopped, so clients see "connection refused"; up again on the same port with the same state. */
    public void setDown(boolean down) {
        if (down) {
            stop();
        } else {
            start();
        }
    }

    @Override
    public void close() {
        stop();
        workers.close();
    }

    /**
     * Requests that waited for one of the controller's 8 HTTP workers because idle keep-alive connections held
     * them (see {@link HttpWorkers}); a polite client causes none.
     */
    public int workerStalls() {
        return workers.stalls();
    }

    /** Most of the 8 HTTP workers held at once (by requests in flight and idle kept-alive connections). */
    public int peakWorkersHeld() {
        return workers.peakWorkersHeld();
    }

    public int port() {
        return port;
    }

    /** The base URL a client is configured with. */
    public abstract String url();

    public void setToken(String token) {
        this.token = token;
    }

    protected String token() {
        return token;
    }

    /** Loses every network and member, as if the controller had been replaced by a fresh one. */
    public void wipe() {
        state.clear();
    }

    /** The next request gets this answer instead of its real one (queued: several calls, several requests). */
    public void failNext(int status, Map<String, String> headers, String body) {
        synchronized (injected) {
            injected.add(new FakeResponse(status, headers, body));
        }
    }

    /**
     * The next request with this method whose path ends with {@code pathSuffix} gets this answer (once), whatever
     * other requests come first: for failures aimed at one call while other reconcilers keep polling.
     */
    public void failNextMatching(String method, String pathSuffix, int status, Map<String, String> headers) {
        synchronized (aimed) {
            aimed.add(Map.entry(r -> r.method().equals(method) && r.path().endsWith(pathSuffix),
                    new FakeResponse(status, headers, null)));
        }
    }

    public void failNext(int status, Map<String, String> headers) {
        failNext(status, headers, null);
    }

    public void failNext(int status) {
        failNext(status, Map.of(), null);
    }

    /** The next request is answered only after this delay (to provoke client timeouts). */
    public void delayNext(Duration delay) {
        synchronized (delays) {
            delays.add(delay);
        }
    }

    /**
     * The next write that contains this field leaves it unchanged while answering 200, as a controller does
     * with a value of the wrong type. For network fields of Central use the name inside "config".
     */
    public void ignoreNextWriteOf(String field) {
        state.ignoreNextWriteOf(field);
    }

    public int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** The behaviour proper: answer one authenticated-or-not request. */
    protected abstract FakeResponse handle(RecordedRequest request);

    private void exchange(HttpExchange exchange) throws IOException {
        String connection = exchange.getRemoteAddress().toString();
        boolean last;
        try {
            last = workers.before(connection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        try {
            if (last) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            serve(exchange);
        } finally {
            workers.after(connection, last);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            Duration delay;
            synchronized (delays) {
                delay = delays.poll();
            }
            if (delay != null) {
                sleep(delay);
            }
            FakeResponse response;
            synchronized (injected) {
                response = injected.poll();
            }
            if (response == null) {
                response = aimedAt(request);
            }
            if (response == null) {
                response = handle(request);
            }
            respond(exchange, response);
        }
    }

    private FakeResponse aimedAt(RecordedRequest request) {
        synchronized (aimed) {
            for (var it = aimed.iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getKey().test(request)) {
                    it.remove();
                    return entry.getValue();
                }
            }
            return null;
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
        synchronized (requests) {
            requests.add(request);
        }
        return request;
    }

    private static void respond(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
