package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.ztix.testing.kubeapi.Identity;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stand-in's HTTP server on loopback (Vert.x, as the fabric8 mock server): authenticates the bearer token,
 * fails it if a {@link Faults} rule says so, hands the request to {@link Router} off the event loop and writes its answer; WebSocket watches are upgraded,
 * HTTP watches stream. TLS handshakes run on worker threads and are warmed up before the port is handed out
 * ({@link TlsWarmUp}).
 */
public final class StandInServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StandInServer.class.getName());

    private final Vertx vertx = Vertx.vertx();
    private final Router router;
    private final Function<String, Optional<Identity>> authenticator;
    private final MockDispatcher expectations;
    private final Map<ServerRequest, Queue<ServerResponse>> expected;
    private final RequestLog log;
    private final Faults faults;
    private HttpServer server;

    public StandInServer(Router router, Function<String, Optional<Identity>> authenticator,
            Map<ServerRequest, Queue<ServerResponse>> expected, RequestLog log, Faults faults) {
        this.router = router;
        this.faults = faults;
        this.authenticator = authenticator;
        this.expected = expected;
        this.log = log;
        this.expectations = new MockDispatcher(expected);
    }

    public int start(ServerCertificate certificate) {
        HttpServerOptions options = new HttpServerOptions().setHost(InetAddress.getLoopbackAddress().getHostAddress())
                .setPort(0).setSsl(true).setKeyCertOptions(new io.vertx.core.net.PfxOptions()
                        .setPath(certificate.keyStore().toString()).setPassword(ServerCertificate.PASSWORD)).setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v5.channel.k8s.io"))
                .setHandle100ContinueAutomatically(true)
                // the handshake's work (key exchange, signature) off the one event loop all connections share
                .setSslEngineOptions(new JdkSSLEngineOptions().setUseWorkerThread(true));
        server = vertx.createHttpServer(options).requestHandler(this::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Kubernetes API stand-in cannot listen on loopback", e);
        }
        TlsWarmUp.connect(vertx, server.actualPort(), certificate);
        return server.actualPort();
    }

    private void handle(HttpServerRequest http) {
        // A request without a body (a watch to upgrade to a WebSocket, above all) must not be read: Vert.x can
        // upgrade only a request that has not been read to its end.
        Future<Buffer> body = hasBody(http) ? http.body() : Future.succeededFuture(null);
        body.onFailure(e -> http.response().setStatusCode(500).end());
        body.onSuccess(buffer -> {
            RecordedRequest request = new RecordedRequest(http.version().alpnName().toUpperCase(),
                    HttpMethod.fromVertx(http.method()), http.uri(), Headers.builder().addAll(http.headers()).build(),
                    new io.fabric8.mockwebserver.http.Buffer(buffer == null ? new byte[0] : buffer.getBytes()));
            Optional<Identity> caller = authenticator.apply(http.getHeader("Authorization"));
            log.record(caller.orElse(null), request.getMethod(), request.getPath());
            if (caller.isEmpty() && !Router.isPublic(request.getPath())) {
                write(http.response(), new Router.Answer(Statuses.unauthorized(), List.of()));
                return;
            }
            Optional<MockResponse> fault = faults.answer(caller.orElse(null), request.getMethod(), request.getPath());
            if (fault.isPresent()) {
                write(http.response(), new Router.Answer(fault.get(), List.of()));
                return;
            }
            Queue<ServerResponse> queued = expected.get(new SimpleRequest(request.method(), request.getPath()));
            if (queued != null && !queued.isEmpty()) {
                MockResponse response = expectations.dispatch(request);
                write(http.response(), new Router.Answer(response, List.of()));
                return;
            }
            if (router.isWatch(request)) {
                watch(http, request, caller.orElse(null));
                return;
            }
            vertx.<Router.Answer>executeBlocking(() -> router.route(request, caller.orElse(null)), false)
                    .onSuccess(answer -> write(http.response(), answer))
                    .onFailure(e -> {
                        LOG.log(Level.WARNING, "the stand-in failed on " + request.getMethod() + " " + request.getPath(), e);
                        write(http.response(), new Router.Answer(Statuses.internalError(String.valueOf(e)), List.of()));
                    });
        });
    }

    private static boolean hasBody(HttpServerRequest http) {
        String length = http.getHeader("Content-Length");
        if (length != null && !length.isBlank()) {
            return Long.parseLong(length.trim()) > 0;
        }
        return http.getHeader("Transfer-Encoding") != null || http.getHeader("Content-Type") != null;
    }

    private void watch(HttpServerRequest http, RecordedRequest request, Identity caller) {
        Router.Watch watch;
        try {
            watch = router.watch(request);
        } catch (RuntimeException e) {
            write(http.response(), new Router.Answer(Statuses.badRequest(e.getMessage()), List.of()));
            return;
        }
        if ("websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            MockResponse upgrade = new MockResponse().withWebSocketUpgrade(watch.listener());
            http.toWebSocket().onSuccess(new ServerWebSocketHandler(request, upgrade))
                    .onFailure(e -> LOG.log(Level.FINE, "watch upgrade failed", e));
            return;
        }
        HttpServerResponse response = http.response();
        response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
        Watches.HttpStream stream = new Watches.HttpStream(request, response);
        Runnable closed = () -> watch.listener().onClosed(stream, 1000, "client closed the watch");
        response.closeHandler(v -> closed.run());
        if (watch.timeoutSeconds() > 0) {
            vertx.setTimer(TimeUnit.SECONDS.toMillis(watch.timeoutSeconds()), id -> {
                stream.close(1000, "timeout");
                closed.run();
            });
        }
        response.writeHead();
        watch.listener().onOpen(stream, new MockResponse().setResponseCode(200));
    }

    private static void write(HttpServerResponse response, Router.Answer answer) {
        MockResponse mock = answer.response();
        response.setStatusCode(mock.code() == 0 ? 200 : mock.code());
        mock.getHeaders().toMultimap().forEach((key, values) -> response.headers().add(key, values));
        if (!response.headers().contains("Content-Type")) {
            response.putHeader("Content-Type", "application/json");
        }
        for (String warning : answer.warnings()) {
            response.headers().add("Warning", "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        byte[] bytes = mock.getBody() == null ? new byte[0] : mock.getBody().getBytes();
        response.end(Buffer.buffer(bytes));
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing the stand-in's server", e);
        } finally {
            vertx.close();
        }
    }

    static JsonNode parse(String text) {
        return Store.parse(text);
    }
}
