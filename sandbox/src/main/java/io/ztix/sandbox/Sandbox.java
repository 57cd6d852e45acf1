package io.ztix.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.portal.testsupport.FakePeeringDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local ZT-IX sandbox: starts the embedded Kubernetes API, PostgreSQL, the stand-in PeeringDB login, the
 * stand-in ZeroTier controller (or uses a real one), a local BIRD route server over SSH when BIRD is
 * installed, then the real operator and portal as child processes, and applies the example resources.
 * {@link #close()} stops everything it started, newest first.
 */
public final class Sandbox implements AutoCloseable {

    public static final String NAMESPACE = "ztix";
    public static final String NETWORK = "ix";
    private static final Duration APP_START = Duration.ofMinutes(3);

    /** The mock API server logs every request at INFO; the sandbox's own lines are enough. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean closed;
    private KubernetesApi kubernetes;
    private String portalUrl;
    private String operatorUrl;
    private ApplicationSettings.LookingGlass lookingGlass;
    private Optional<LocalRouteServer> routeServer = Optional.empty();
    private String noRouteServerReason = "";
    private JavaApp operator;
    private JavaApp portal;

    private Sandbox() {
    }

    /** Starts everything; on failure stops what was already started and rethrows. */
    public static Sandbox start(SandboxOptions options) {
        Sandbox sandbox = new Sandbox();
        try {
            sandbox.startAll(options);
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * Starts what depends on nothing at once, in the background (PostgreSQL and the route server are mostly other
     * processes' work), the operator as soon as the Kubernetes API runs (it picks up its resources when they
     * appear) and the portal as soon as its database and login are there: the two Quarkus applications, the
     * slowest part, start while the rest is still being set up.
     */
    private void startAll(SandboxOptions options) {
        Path repo = options.repository();
        Path work = options.workDirectory();
        step("PostgreSQL (embedded), the stand-in PeeringDB login and " + (options.routeServer() ? "the route server"
                : "no route server") + ", in the background");
        long begin = System.nanoTime();
        CompletableFuture<EmbeddedPostgres> postgres = Background.start(() -> ready("PostgreSQL", begin, keep(startPostgres())));
        CompletableFuture<FakePeeringDb> login = Background.start(() -> ready("stand-in PeeringDB login", begin,
                keep(startPeeringDb())));
        CompletableFuture<Optional<LocalRouteServer>> localRouteServer = Background.start(() -> startRouteServer(options, work));
        try {
            step("Kubernetes API (stand-in: the ZT-IX CRDs with their validation, the chart's admission policy)");
            kubernetes = keep(KubernetesApi.start(repo, NAMESPACE, work));

            FakePeeringDb peeringDb = Background.result(login);
            step("operator");
            int operatorPort = FreePorts.pick();
            operatorUrl = "http://127.0.0.1:" + operatorPort;
            lookingGlass = new ApplicationSettings.LookingGlass(FreePorts.pick(), randomHex(24));
            operator = keep(JavaApp.start("operator", repo.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                    ApplicationSettings.operator(NAMESPACE, operatorPort, lookingGlass, peeringDb),
                    Map.of("KUBECONFIG", kubernetes.operatorKubeconfig().toString()),
                    work.resolve("logs/operator.log")));

            EmbeddedPostgres database = Background.result(postgres);
            step("portal");
            int portalPort = options.portalPort() == 0 ? FreePorts.pick() : options.portalPort();
            portalUrl = "http://127.0.0.1:" + portalPort;
            portal = keep(JavaApp.start("portal", repo.resolve("portal/target/quarkus-app/quarkus-run.jar"),
                    ApplicationSettings.portal(NAMESPACE, portalPort, database, peeringDb, lookingGlass),
                    Map.of("KUBECONFIG", kubernetes.portalKubeconfig().toString(), "ZTIX_SESSION_SECRET", randomHex(32),
                            "ZTIX_OIDC_STATE_SECRET", randomHex(32), "ZTIX_TOKEN_ENCRYPTION_KEY", randomHex(32)),
                    work.resolve("logs/portal.log")));

            String ztUrl;
            String ztToken;
            if (options.zeroTierUrl().isPresent()) {
                ztUrl = options.zeroTierUrl().get();
                ztToken = options.zeroTierToken().orElseThrow();
                step("ZeroTier controller: using " + ztUrl);
            } else {
                step("stand-in ZeroTier controller");
                ztToken = randomHex(24);
                SelfHostedFake controller = keep(SelfHostedFake.started("5a9d0c1e00", ztToken));
                ztUrl = controller.url();
            }
            routeServer = Background.result(localRouteServer);
            noRouteServerReason = options.routeServer() ? LocalRouteServer.missingReason() : "--no-route-server";
            step("the example resources (as an IX admin applies them)");
            ExampleResources.apply(kubernetes.client(), NAMESPACE, NETWORK, ztUrl, ztToken, routeServer);

            operator.awaitReady(operatorUrl + "/q/health/ready", APP_START);
            portal.awaitReady(portalUrl + "/q/health/ready", APP_START);
        } catch (RuntimeException e) {
            // what is still starting in the background is stopped by keep() once it is there
            List.of(postgres, login, localRouteServer).forEach(f -> f.exceptionally(x -> null).join());
            throw e;
        }
    }

    private static <T> T ready(String what, long begin, T started) {
        step(what + " ready (" + Math.round((System.nanoTime() - begin) / 1e8) / 10.0 + " s)");
        return started;
    }

    private Optional<LocalRouteServer> startRouteServer(SandboxOptions options, Path work) {
        if (!options.routeServer()) {
            return Optional.empty();
        }
        if (!LocalRouteServer.available()) {
            step("no route server: " + LocalRouteServer.missingReason());
            return Optional.empty();
        }
        Optional<LocalRouteServer> started = Optional.of(keep(LocalRouteServer.start(work.resolve("route-server"))));
        step("BIRD route server on loopback, driven over SSH by a local sshd");
        return started;
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static FakePeeringDb startPeeringDb() {
        try {
            return new FakePeeringDb(new StandInUsers());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in PeeringDB", e);
        }
    }

    /** Remembers a started resource for close(); if close() already ran (Ctrl-C while starting), stops it at once. */
    private synchronized <T extends AutoCloseable> T keep(T resource) {
        if (closed) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[sandbox] stopping " + resource + " failed: " + e);
            }
            throw new IllegalStateException("the sandbox was stopped while starting");
        }
        started.push(resource);
        return resource;
    }

    private static void step(String what) {
        System.out.println("[sandbox] " + what);
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public String portalUrl() {
        return portalUrl;
    }

    public String operatorUrl() {
        return operatorUrl;
    }

    /** The operator's looking-glass API (loopback) and the bearer token it requires. */
    public String lookingGlassUrl() {
        return lookingGlass.url();
    }

    public String lookingGlassToken() {
        return lookingGlass.token();
    }

    public Path kubeconfig() {
        return kubernetes.kubeconfig();
    }

    /** The kubeconfig the portal runs with (its service account), to try what the portal may do. */
    public Path portalKubeconfig() {
        return kubernetes.portalKubeconfig();
    }

    public boolean hasRouteServer() {
        return routeServer.isPresent();
    }

    /** Process ids of the child processes (operator, portal, bird, sshd), to check that none outlive close(). */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        if (operator != null) {
            pids.add(operator.pid());
        }
        if (portal != null) {
            pids.add(portal.pid());
        }
        routeServer.ifPresent(rs -> pids.addAll(rs.pids()));
        return pids;
    }

    /** The text printed once everything runs. */
    public String instructions() {
        String approve = "kubectl -n " + NAMESPACE + " patch joinrequest " + NETWORK + "-as" + StandInUsers.FULL_ASN
                + "-<node id> --type=merge -p '{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\""
                + KubernetesApi.ADMIN + "\"}}}'";
        return String.join("\n",
                "",
                "ZT-IX sandbox is running (local stand-ins; nothing here is a real IX).",
                "",
                "  Portal:      " + portalUrl + "  -> \"Log in with PeeringDB\" opens the STAND-IN PeeringDB:",
                "               alice (may act for AS64501 and AS64502), rita (read-only, not eligible),",
                "               uma (not PeeringDB-verified), " + StandInUsers.ADMIN + " (IX admin: " + portalUrl + "/admin)."
                        + " No passwords: pick the user.",
                "  Kubernetes:  export KUBECONFIG=" + kubernetes.kubeconfig(),
                "               kubectl get ztnet,ztrs,jr   (you are " + KubernetesApi.ADMIN + ", an approver; "
                        + "--context " + KubernetesApi.NON_APPROVER + " is a colleague who is not)",
                "  Approve a request (name from `kubectl get jr`, e.g. " + NETWORK + "-as64501-aabbccdd01):",
                "               " + approve,
                "  Route server: " + routeServer.map(LocalRouteServer::describe)
                        .orElse("NONE RUNS (" + noRouteServerReason + "); requests turn Active without one"),
                "  Looking glass: a member's routes on its request page in the portal; the operator's API at "
                        + lookingGlass.url() + "/api/v1/routeservers/" + NAMESPACE + "/rs1/status",
                "               (header Authorization: Bearer " + lookingGlass.token() + ")",
                "  Logs:        " + operator.log() + ", " + portal.log(),
                "",
                "Ctrl-C stops everything.");
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[sandbox] stopping " + resource + " failed: " + e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (SandboxOptions.wantsHelp(args)) {
            System.out.println(SandboxOptions.USAGE);
            return;
        }
        long startedAt = System.nanoTime();
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(Path.of(System.getProperty("ztix.repo.root", ".")).toAbsolutePath()
                    .normalize(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Sandbox sandbox = new Sandbox();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[sandbox] stopping everything");
            sandbox.close();
        }, "sandbox-shutdown"));
        try {
            sandbox.startAll(options);
        } catch (RuntimeException e) {
            System.err.println("[sandbox] could not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(sandbox.instructions());
        System.out.printf("[sandbox] ready in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
        Thread.currentThread().join();
    }
}
