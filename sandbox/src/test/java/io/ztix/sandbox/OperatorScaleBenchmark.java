package io.ztix.sandbox;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.joinrequest.JoinRequestReconciler;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.Kubeconfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark: the operator as its OWN process (the built {@code operator/target/quarkus-app/quarkus-run.jar}, with
 * the sandbox's JVM settings) against the Kubernetes API stand-in and the fake controller in this JVM, with many
 * JoinRequests on one network (IPv6 LAN, no route servers). Prints: the time until a first operator has all
 * approved requests Active, the cold start to ready of a second operator with them all present, its RSS and heap
 * with them cached, and the time until 500 more approvals are Active while they are cached. The timed run is
 * opt-in ({@code -Dztix.benchmark=true}: 10,000 requests); the normal suite runs 100 as a smoke test. Run with:
 * {@code ./mvnw -B -pl sandbox -am verify -Dtest=OperatorScaleBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class OperatorScaleBenchmark {

    private static final boolean TIMED = Boolean.getBoolean("ztix.benchmark");
    private static final int REQUESTS = Integer.getInteger("ztix.benchmark.requests", TIMED ? 10_000 : 100);
    private static final int LATER = TIMED ? 500 : 20;
    private static final String NS = "scale";
    private static final String TOKEN = "scale-token";
    /** A directory for a JFR profile and the log of each operator process ({@code -Dztix.benchmark.profile=DIR}). */
    private static final String PROFILE = System.getProperty("ztix.benchmark.profile");
    /** The operator's resync interval if not the sandbox's 30 s, e.g. production's 5m ({@code -Dztix.benchmark.resync=5m}). */
    private static final String RESYNC = System.getProperty("ztix.benchmark.resync");
    private static final String JR_PATH = "/apis/ztix.io/v1alpha1/namespaces/" + NS + "/joinrequests";

    @TempDir
    Path work;

    @Test
    void manyRequestsOnOneOperator() throws Exception {
        Path repo = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
        try (KubeApiStandIn api = KubeApiStandIn.start(repo);
                SelfHostedFake controller = SelfHostedFake.started("5ca1e00001", TOKEN)) {
            api.createNamespace(NS);
            KubernetesClient admin = api.client(Identity.approver("bench-admin"));
            KubernetesClient portal = api.client(api.serviceAccount("portal")); // only the portal names requesters
            api.raw().create("/api/v1/namespaces/" + NS + "/secrets", Serialization.asJson(tokenSecret(NS, TOKEN)));
            ZtNetwork network = selfHostedNetwork(NS, "ix", controller.url(), "5ca1e0");
            network.getSpec().peeringLan.ipv4 = null;
            api.raw().create("/apis/ztix.io/v1alpha1/namespaces/" + NS + "/ztnetworks", Serialization.asJson(network));
            long asnBase = 4_200_000_000L;
            IntStream.range(0, REQUESTS).forEach(i -> api.raw().create(JR_PATH, Serialization.asJson(
                    approvedRequest(asnBase + i, 0xcc00000000L + i))));
            Path kubeconfig = new Kubeconfig(api, NS).context("operator", api.serviceAccount("operator"))
                    .write(work.resolve("operator.kubeconfig"), "scale benchmark");

            long start = System.nanoTime();
            try (Operator first = startOperatorProcess(repo, kubeconfig, "operator-1")) {
                awaitAllActive(admin, REQUESTS, Duration.ofMinutes(TIMED ? 30 : 5));
                System.out.printf("%nBENCHMARK scale: %d approved JoinRequests on one network (IPv6 LAN, no route servers)%n", REQUESTS);
                System.out.printf("BENCHMARK first operator: all %d Active after %.1f s (from process start)%n", REQUESTS,
                        (System.nanoTime() - start) / 1e9);
            }

            start = System.nanoTime();
            try (Operator second = startOperatorProcess(repo, kubeconfig, "operator-2")) {
                int port = second.port();
                second.app().awaitReady("http://127.0.0.1:" + port + "/q/health/ready", Duration.ofMinutes(5));
                double ready = (System.nanoTime() - start) / 1e9;
                Thread.sleep(Duration.ofSeconds(TIMED ? 30 : 5).toMillis()); // the first resync of every request
                long rss = statusKib(second.app().pid(), "VmRSS");
                long hwm = statusKib(second.app().pid(), "VmHWM");
                String heap = heapAfterGc(second.app().pid());
                System.out.printf("BENCHMARK cold start to ready with %d requests present: %.1f s%n", REQUESTS, ready);
                System.out.printf("BENCHMARK operator process with %d requests cached: RSS %d MiB (peak %d MiB), heap after GC %s%n",
                        REQUESTS, rss / 1024, hwm / 1024, heap);
                System.out.println("BENCHMARK where the heap goes (jcmd GC.class_histogram, top 25):");
                System.out.println(classHistogram(second.app().pid(), 25));

                List<String> later = IntStream.range(0, LATER).mapToObj(i -> portal.resource(request(NS, "ix", asnBase + REQUESTS + i,
                        String.format("%010x", 0xcd00000000L + i), peeringDbUser(i, true))).create().getMetadata().getName()).toList();
                await().atMost(Duration.ofMinutes(2)).until(() -> later.stream().allMatch(name -> {
                    JoinRequest r = admin.resources(JoinRequest.class).inNamespace(NS).withName(name).get();
                    return r.getMetadata().getFinalizers().contains(JoinRequestReconciler.FINALIZER);
                }));
                long approvals = System.nanoTime();
                later.parallelStream().forEach(name -> admin.resources(JoinRequest.class).inNamespace(NS).withName(name)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec", Map.of("approval", approved("bench-admin"))))));
                awaitAllActive(admin, REQUESTS + LATER, Duration.ofMinutes(10));
                System.out.printf("BENCHMARK %d approvals while %d requests are cached: all Active after %.1f s%n", LATER, REQUESTS,
                        (System.nanoTime() - approvals) / 1e9);
                System.out.printf("BENCHMARK operator RSS afterwards: %d MiB (peak %d MiB)%n",
                        statusKib(second.app().pid(), "VmRSS") / 1024, statusKib(second.app().pid(), "VmHWM") / 1024);
            }
        }
    }

    private static JoinRequest approvedRequest(long asn, long node) {
        JoinRequest r = request(NS, "ix", asn, String.format("%010x", node), peeringDbUser(asn, true));
        r.getSpec().approval = approved("bench-admin");
        return r;
    }

    private static void awaitAllActive(KubernetesClient client, int expected, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(() -> {
            List<JoinRequest> items = client.resources(JoinRequest.class).inNamespace(NS).list().getItems();
            return items.size() == expected && items.stream().allMatch(r -> r.getStatus() != null && r.getStatus().phase == Phase.Active);
        });
    }

    /** An operator process with the sandbox's settings and its HTTP port. */
    private record Operator(JavaApp app, int port) implements AutoCloseable {
        @Override
        public void close() {
            app.close();
        }
    }

    private Operator startOperatorProcess(Path repo, Path kubeconfig, String name) {
        int port = FreePorts.pick();
        List<String> jvm = new java.util.ArrayList<>(JavaApp.SANDBOX_JVM);
        Path logs = work.resolve("logs");
        if (PROFILE != null) {
            logs = Path.of(PROFILE).toAbsolutePath();
            jvm.add("-XX:StartFlightRecording=filename=" + logs.resolve(name + ".jfr") + ",settings=profile");
        }
        Map<String, String> settings = ApplicationSettings.operator(NS, port,
                new ApplicationSettings.LookingGlass(FreePorts.pick(), "scale-benchmark"));
        if (RESYNC != null) {
            settings.put("ztix.operator.resync-interval", RESYNC);
        }
        return new Operator(JavaApp.start(name, repo.resolve("operator/target/quarkus-app/quarkus-run.jar"), jvm, settings,
                Map.of("KUBECONFIG", kubeconfig.toString()), logs.resolve(name + ".log")), port);
    }

    private static long statusKib(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }

    /** The first {@code rows} classes of jcmd's class histogram of that process (instances, bytes, class). */
    private static String classHistogram(long pid, int rows) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String text = new String(histogram.getInputStream().readAllBytes());
        histogram.waitFor();
        return text.lines().skip(1).limit(rows + 2L).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** "123 MiB used of 256 MiB" from jcmd after a full GC (the JDK running this test has jcmd). */
    private static String heapAfterGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        // one "total NK, used NK" line per generation (Serial: def new + tenured; G1: one garbage-first heap line)
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("(?m)^ ?\\S.*?total (\\d+)K, used (\\d+)K").matcher(text);
        long usedKib = 0;
        long totalKib = 0;
        while (used.find()) {
            totalKib += Long.parseLong(used.group(1));
            usedKib += Long.parseLong(used.group(2));
        }
        return totalKib == 0 ? text.strip() : String.format("%d MiB used of %d MiB committed", usedKib / 1024, totalKib / 1024);
    }
}
