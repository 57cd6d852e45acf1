package io.ztix.operator.lookingglass;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.ssh.SshException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The looking-glass HTTP API on its own port ({@link LookingGlassConfig}), read-only, birdwatcher's layout per route
 * server under {@code /api/v1/routeservers/{namespace}/{name}/}: {@code status}, {@code protocols/bgp},
 * {@code routes/protocol/{protocol}}, {@code routes/filtered/{protocol}}, {@code routes/prefix?prefix=}. Pages with
 * {@code page} (from 0) and {@code page_size}. Off unless {@code ztix.looking-glass.enabled}.
 */
@ApplicationScoped
public class LookingGlassServer {

    private static final Logger LOG = Logger.getLogger(LookingGlassServer.class);
    private static final String BASE = "/api/v1/routeservers/:namespace/:name";

    private final LookingGlassConfig config;
    private final LookingGlass lookingGlass;
    private final Vertx vertx;
    private final ObjectMapper json;
    private HttpServer server;

    public LookingGlassServer(LookingGlassConfig config, LookingGlass lookingGlass, Vertx vertx, ObjectMapper json) {
        this.config = config;
        this.lookingGlass = lookingGlass;
        this.vertx = vertx;
        this.json = json;
    }

    void start(@Observes StartupEvent event) throws Exception {
        if (!config.enabled()) {
            return;
        }
        Router router = Router.router(vertx);
        router.route().handler(this::authorize);
        router.get(BASE + "/status").blockingHandler(ctx -> answer(ctx, () -> LookingGlassAnswers.status(routeServer(ctx))), false);
        router.get(BASE + "/protocols/bgp").blockingHandler(ctx -> answer(ctx,
                () -> LookingGlassAnswers.protocols(routeServer(ctx))), false);
        router.get(BASE + "/routes/protocol/:protocol").blockingHandler(ctx -> routes(ctx, false), false);
        router.get(BASE + "/routes/filtered/:protocol").blockingHandler(ctx -> routes(ctx, true), false);
        router.get(BASE + "/routes/prefix").blockingHandler(ctx -> answer(ctx, () -> {
            RouteServer routeServer = routeServer(ctx);
            return LookingGlassAnswers.routes(lookingGlass.prefix(routeServer, ctx.request().getParam("prefix")),
                    page(ctx), config.cacheTime());
        }), false);
        router.route().last().handler(ctx -> send(ctx, 404, Map.of("error", "no such looking-glass resource")));
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host()).onComplete(result -> {
            if (result.succeeded()) {
                started.complete(result.result());
            } else {
                started.completeExceptionally(result.cause());
            }
        });
        server = started.get(30, TimeUnit.SECONDS);
        LOG.infof("Looking-glass API on %s:%d%s", config.host(), server.actualPort(),
                config.token().isPresent() ? " (bearer token required)" : "");
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

    /** The port it listens on (tests start it on port 0). */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    private void authorize(RoutingContext ctx) {
        if (config.token().isEmpty()) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        byte[] expected = ("Bearer " + config.token().get()).getBytes(StandardCharsets.UTF_8);
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
        } else {
            send(ctx, 401, Map.of("error", "a bearer token is required"));
        }
    }

    private void routes(RoutingContext ctx, boolean filtered) {
        answer(ctx, () -> LookingGlassAnswers.routes(lookingGlass.sessionRoutes(routeServer(ctx),
                ctx.pathParam("protocol"), filtered), page(ctx), config.cacheTime()));
    }

    private RouteServer routeServer(RoutingContext ctx) {
        return lookingGlass.routeServer(ctx.pathParam("namespace"), ctx.pathParam("name"));
    }

    private LookingGlassAnswers.Page page(RoutingContext ctx) {
        return LookingGlassAnswers.Page.of(ctx.request().getParam("page"), ctx.request().getParam("page_size"),
                config.defaultPageSize(), config.maxPageSize());
    }

    private void answer(RoutingContext ctx, java.util.function.Supplier<Object> body) {
        try {
            send(ctx, 200, body.get());
        } catch (LookingGlass.NotFound e) {
            send(ctx, 404, Map.of("error", e.getMessage()));
        } catch (LookingGlass.BadRequest e) {
            send(ctx, 400, Map.of("error", e.getMessage()));
        } catch (RouteCache.Busy e) {
            ctx.response().putHeader("Retry-After", "5");
            send(ctx, 503, Map.of("error", e.getMessage()));
        } catch (SshException e) {
            send(ctx, 502, Map.of("error", "the route server could not be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("looking-glass request failed", e);
            send(ctx, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void send(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
