package io.ztix.sandbox;

import static io.ztix.operator.testsupport.Fixtures.network;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.FakePeeringDb;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.Kubeconfig;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (issue 14): the portal as its OWN process (the built {@code portal/target/quarkus-app/quarkus-run.jar},
 * with the JVM settings of the portal image, see {@link #JVM}) serving a logged-in member's status page
 * ({@code /requests}) and {@code /requests/status.json} from its informer cache while the Kubernetes API stand-in
 * holds 1,000 JoinRequests (20 of them the member's). The load comes from this JVM, a second process, over loopback: open loop at a fixed
 * rate, alternating the two pages, each latency taken from the request's scheduled send time (coordinated omission:
 * a stalled portal counts the wait of every request it delayed). Prints p50/p99/max per page and the errors. Target:
 * p99 <= 50 ms at 200 requests/s. The timed run is opt-in ({@code -Dztix.benchmark=true}: 40 s warm-up rising to the rate, then 60 s at
 * 200/s); the normal suite runs a smoke of a few seconds at 20/s (figures printed, nothing timed, no errors
 * allowed). Run with:
 * {@code ./mvnw -B -pl sandbox -am verify -Dtest=PortalLoadBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PortalLoadBenchmark {

    private static final boolean TIMED = Boolean.getBoolean("ztix.benchmark");
    private static final int REQUESTS = 1_000;
    private static final int MEMBERS_OWN = 20;
    private static final int RATE = Integer.getInteger("ztix.benchmark.rate", TIMED ? 200 : 20);
    private static final Duration WARM_UP = TIMED ? Duration.ofSeconds(40) : Duration.ofSeconds(2);
    private static final Duration MEASURED = TIMED ? Duration.ofSeconds(60) : Duration.ofSeconds(3);
    private static final String NS = "load";
    private static final String JR_PATH = "/apis/ztix.io/v1alpha1/namespaces/" + NS + "/joinrequests";
    /**
     * The portal's JVM as the image runs it (the JIT's C2 and the collector the JVM picks; the chart adds only
     * -XX:MaxRAMPercentage), with the sandbox's heap; {@code -Dztix.benchmark.sandboxJvm=true}: the sandbox's C1-only,
     * serial-GC settings, under which the ID token's RSA check on every request runs without C2's BigInteger intrinsics.
     */
    private static final List<String> JVM = Boolean.getBoolean("ztix.benchmark.sandboxJvm") ? JavaApp.SANDBOX_JVM
            : List.of("-Xmx256m");
    private static final List<String> PAGES = List.of("/requests", "/requests/status.json");

    @TempDir
    Path work;

    @Test
    void statusPageAndStatusJsonUnderAFixedRateFromASecondProcess() throws Exception {
        Path repo = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
        try (KubeApiStandIn api = KubeApiStandIn.start(repo);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                FakePeeringDb peeringDb = new FakePeeringDb(new StandInUsers())) {
            api.createNamespace(NS);
            api.raw().create("/apis/ztix.io/v1alpha1/namespaces/" + NS + "/ztnetworks",
                    Serialization.asJson(network(NS, "ix", ZtNetworkSpec.ApprovalPolicy.Manual)));
            IntStream.range(0, REQUESTS).forEach(i -> {
                long asn = i < MEMBERS_OWN ? StandInUsers.FULL_ASN : 4_200_000_000L + i;
                api.raw().create(JR_PATH, Serialization.asJson(request(NS, "ix", asn,
                        String.format("%010x", 0xdd00000000L + i), peeringDbUser(1_000 + i, true))));
            });
            String ownNode = String.format("%010x", 0xdd00000000L); // the page and status.json name it
            Path kubeconfig = new Kubeconfig(api, NS).context("portal", api.serviceAccount("portal"))
                    .write(work.resolve("portal.kubeconfig"), "portal load benchmark");
            int port = FreePorts.pick();
            String url = "http://127.0.0.1:" + port;
            ApplicationSettings.LookingGlass lookingGlass = new ApplicationSettings.LookingGlass(FreePorts.pick(), "load");
            try (JavaApp portal = JavaApp.start("portal", repo.resolve("portal/target/quarkus-app/quarkus-run.jar"), JVM,
                    ApplicationSettings.portal(NS, port, postgres, peeringDb, lookingGlass),
                    Map.of("KUBECONFIG", kubeconfig.toString(), "ZTIX_SESSION_SECRET", Sandbox.randomHex(32),
                            "ZTIX_OIDC_STATE_SECRET", Sandbox.randomHex(32), "ZTIX_TOKEN_ENCRYPTION_KEY", Sandbox.randomHex(32),
                            // e.g. -XX:StartFlightRecording=filename=/tmp/portal.jfr,settings=profile to profile the portal
                            "JAVA_TOOL_OPTIONS", System.getProperty("ztix.benchmark.portalJvmOptions", "")),
                    work.resolve("logs/portal.log"));
                    Browser member = new Browser(new URL(url))) {
                portal.awaitReady(url + "/q/health/ready", Duration.ofMinutes(3));
                member.loginWithPeeringDb(StandInUsers.FULL);
                String cookies = member.client().getCookieManager().getCookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
                assertThat(member.page("/requests").asNormalizedText()).as("the member's status page lists its requests")
                        .contains(ownNode);

                OpenLoopLoad load = new OpenLoopLoad(url, cookies, PAGES, body -> body.contains(ownNode));
                // warm-up in steps up to the rate: a cold portal (no JIT yet) sent 200/s at once falls behind, its
                // backlog outlives the warm-up and the measured minute starts with it
                OpenLoopLoad.Result warmUp = null;
                for (int step : new int[] {10, 4, 2, 1}) {
                    warmUp = load.run(Math.max(1, RATE / step), WARM_UP.dividedBy(4));
                }
                OpenLoopLoad.Result measured = load.run(RATE, MEASURED);
                System.out.printf("%nBENCHMARK portal load: %d JoinRequests in the cache (%d the member's), portal as "
                        + "its own process, load from the test JVM over loopback, open loop at %d/s%n", REQUESTS,
                        MEMBERS_OWN, RATE);
                System.out.printf("BENCHMARK portal JVM options: %s%n", JVM);
                System.out.printf("BENCHMARK warm-up %d s in steps of 1/10, 1/4, 1/2 and all of the rate; its last step: %s%n",
                        WARM_UP.toSeconds(), warmUp.summary());
                System.out.printf("BENCHMARK measured %d s: %s%n", MEASURED.toSeconds(), measured.summary());
                System.out.printf("BENCHMARK   p99 per 10 s: %s%n", measured.p99PerWindow(Duration.ofSeconds(10)));
                for (String page : PAGES) {
                    System.out.printf("BENCHMARK   %s: %s%n", page, measured.summary(page));
                }
                System.out.printf("BENCHMARK load average after the run: %s%n", OpenLoopLoad.loadAverage());
                assertThat(measured.errors()).as("answers that were not the member's page (status, content, failure)")
                        .isEmpty();
            }
        }
    }
}
