package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import io.ztix.testing.apicalls.ApiCallCounts;

/**
 * Benchmark (not part of the normal run): 1,000 JoinRequests approved at once on one network with two route
 * servers (real sshd + real BIRD each), mock Kubernetes API, fake controller, production batching and
 * health-gate settings.
 * Prints the time until all are Active, SSH sessions and {@code birdc configure} runs per route server, and
 * the JVM's peak RSS (operator, mock API server and fakes share it). Run with:
 * {@code ./mvnw -B -pl operator test -Dtest=BurstBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
@TestProfile(BurstBenchmark.ProductionBatching.class)
class BurstBenchmark {

    /** The timed run is opt-in; the normal suite runs a small smoke burst so the benchmark cannot rot. */
    private static final boolean TIMED = Boolean.getBoolean("ztix.benchmark");
    private static final int REQUESTS = Integer.getInteger("ztix.benchmark.requests", TIMED ? 1000 : 20);
    private static final String NS = "bench";

    public static class ProductionBatching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ztix.operator.apply-debounce", "2s", "ztix.operator.apply-interval", "10s",
                    "ztix.operator.session-poll-interval", "60s", "ztix.operator.resync-interval", "5m",
                    "ztix.operator.apply-settle-time", "10s", "ztix.operator.apply-settle-check-interval", "1s",
                    "ztix.zerotier.token-cache-ttl", "30s",
                    "quarkus.log.category.\"io.javaoperatorsdk\".level", "WARN",
                    // the mock API server logs every request it serves; that is the test harness, not the operator
                    "quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
        }
    }

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    RouteServerMetrics metrics;

    @Test
    void thousandApprovalsAtOnce() throws Exception {
        try (SelfHostedFake controller = SelfHostedFake.started("be0c000001", "bench-token");
                OpenSshServer sshd1 = OpenSshServer.start(); OpenSshServer sshd2 = OpenSshServer.start();
                BirdDaemon bird1 = BirdDaemon.start(BirdInstallation.HOST_2_0);
                BirdDaemon bird2 = BirdDaemon.start(BirdInstallation.HOST_2_0)) {
            RecordingBirdc birdc1 = RecordingBirdc.install(bird1);
            RecordingBirdc birdc2 = RecordingBirdc.install(bird2);
            client.resource(tokenSecret(NS, "bench-token")).create();
            keySecret("rs1", sshd1);
            keySecret("rs2", sshd2);
            ZtNetwork network = selfHostedNetwork(NS, "ix", controller.url(), "0be0c0");
            network.getSpec().peeringLan.ipv4 = null; // 1,000 members do not fit a documentation /24
            client.resource(network).create();
            client.resource(routeServer("rs1", sshd1, bird1, birdc1, "2001:db8:ff::1")).create();
            client.resource(routeServer("rs2", sshd2, bird2, birdc2, "2001:db8:ff::2")).create();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ZtNetwork seen = client.resources(ZtNetwork.class).inNamespace(NS).withName("ix").get();
                return seen.getStatus() != null && seen.getStatus().networkId != null;
            });
            Cluster cluster = new Cluster(client, api, NS);
            List<String> names = IntStream.range(0, REQUESTS).mapToObj(i -> cluster.submit(request(NS, "ix", 64512L + i,
                    String.format("%010x", 0xbb00000000L + i), peeringDbUser(i, true))))
                    .map(r -> r.getMetadata().getName()).toList();
            // both route servers first run their (empty) configuration, so that only the burst is counted
            await().atMost(Duration.ofSeconds(120)).until(() -> List.of("rs1", "rs2").stream().allMatch(rs -> {
                RouteServer seen = client.resources(RouteServer.class).inNamespace(NS).withName(rs).get();
                return seen.getStatus() != null && seen.getStatus().appliedConfigHash != null;
            }));
            Map<String, Double> sessionsBefore = Map.of("rs1", metrics.sessions(NS, "rs1"), "rs2", metrics.sessions(NS, "rs2"));
            Map<String, Double> appliesBefore = Map.of("rs1", metrics.applies(NS, "rs1", "applied"),
                    "rs2", metrics.applies(NS, "rs2", "applied"));
            long configuresBefore1 = birdc1.configureCalls();
            long configuresBefore2 = birdc2.configureCalls();

            Map<String, Long> callsBefore = ApiCallCounts.snapshot();
            long start = System.nanoTime();
            BurstTimeline timeline = new BurstTimeline(cluster.admin("benchmark-observer"), NS, start);
            approveAll(cluster, names);
            double approvalsWritten = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    client.resources(JoinRequest.class).inNamespace(NS).list().getItems().stream()
                            .allMatch(r -> r.getStatus() != null && r.getStatus().phase == Phase.Active));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> calls = ApiCallCounts.since(callsBefore);

            System.out.printf("%nBENCHMARK burst: %d JoinRequests approved at once, 2 route servers%n", REQUESTS);
            System.out.printf("BENCHMARK all Active after: %.1f s%n", seconds);
            System.out.printf("BENCHMARK the test wrote the %d approvals in %.1f s%n", REQUESTS, approvalsWritten);
            timeline.close();
            timeline.summary().forEach(line -> System.out.println("BENCHMARK timeline: " + line));
            for (String rs : List.of("rs1", "rs2")) {
                RecordingBirdc birdc = rs.equals("rs1") ? birdc1 : birdc2;
                System.out.printf("BENCHMARK %s: %.0f SSH sessions, %.0f applies (%.0f failed), %d birdc configure%n", rs,
                        metrics.sessions(NS, rs) - sessionsBefore.get(rs), metrics.applies(NS, rs, "applied") - appliesBefore.get(rs),
                        metrics.applies(NS, rs, "failed"), birdc.configureCalls() - (rs.equals("rs1") ? configuresBefore1 : configuresBefore2));
            }
            for (String rs : List.of("rs1", "rs2")) {
                System.out.printf("BENCHMARK %s health checks: %.0f confirmed, %.0f confirmed with losses, %.0f rolled back%n", rs,
                        metrics.healthChecks(NS, rs, "confirmed"), metrics.healthChecks(NS, rs, "confirmed_with_losses"),
                        metrics.healthChecks(NS, rs, "rolled_back"));
            }
            // what the observe poll reads at this size, and what "show protocols all" would read instead
            for (String[] command : List.of(new String[] {"show", "protocols"}, new String[] {"show", "protocols", "all"})) {
                long t0 = System.nanoTime();
                String out = bird1.birdc(command);
                System.out.printf("BENCHMARK rs1 birdc %s: %d bytes, %d lines, %.0f ms%n", String.join(" ", command),
                        out.length(), out.lines().count(), (System.nanoTime() - t0) / 1e6);
            }
            long perMember = calls.entrySet().stream().filter(e -> !e.getKey().startsWith("watch ")
                    && !e.getKey().contains("routeservers") && !e.getKey().contains("leases")).mapToLong(Map.Entry::getValue).sum();
            System.out.printf("BENCHMARK Kubernetes API calls by the operator during the burst: %s%n", calls);
            System.out.printf("BENCHMARK Kubernetes API calls per member (all but RouteServer and Lease calls): %.2f%n",
                    (double) perMember / REQUESTS);
            System.out.printf("BENCHMARK controller: %d requests, %d worker stalls, at most %d of 8 workers held%n",
                    controller.requestCount(), controller.workerStalls(), controller.peakWorkersHeld());
            System.out.printf("BENCHMARK JVM peak RSS (operator + mock API + fakes): %d MiB%n", peakRssKib() / 1024);
            // one JoinRequest status write per phase (admitted, Active): a new member's sessions and its ZeroTier
            // path reach the request in one RouteServer status change, not a second write for the path
            assertThat(calls.getOrDefault("patch ztix.io/joinrequests/status", 0L))
                    .as("JoinRequest status writes for %d members", REQUESTS).isLessThanOrEqualTo(2L * REQUESTS);
        }
    }

    /**
     * All approvals at once, as a GitOps pipeline or a script of admins would write them: from 16 threads, so
     * that the time the test itself needs to write them (one PATCH each) is not what is measured.
     */
    private static void approveAll(Cluster cluster, List<String> names) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            for (Future<?> written : writers.invokeAll(names.stream().<Callable<Object>>map(name -> () -> {
                cluster.setApproval(name, approved("alice"));
                return null;
            }).toList())) {
                written.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    private void keySecret(String routeServer, OpenSshServer sshd) {
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(NS).withName(routeServer + "-ssh")
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata()
                .addToStringData("key", sshd.clientPrivateKey()).build()).create();
    }

    private static RouteServer routeServer(String name, OpenSshServer sshd, BirdDaemon bird, RecordingBirdc birdc, String ipv6) {
        return RouteServers.birdRouteServer(NS, name, "ix", sshd, bird, birdc, "198.51.100." + (name.equals("rs1") ? 1 : 2),
                ipv6, name + "-ssh");
    }

    private static long peakRssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
