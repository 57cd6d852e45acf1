package io.ztix.operator.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztix.operator.routeserver.apply.BirdCommands;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.OpenSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (a small smoke of it runs in the normal suite): the looking-glass answer for one member session with
 * 10,000 routes on one route server — real BIRD 2.0 over real OpenSSH, the operator's own read path (SSH session,
 * {@code birdc show route protocol P all}, parse, reasons, cache, one JSON page of 100). The session is a static
 * protocol named like a member session whose routes carry BGP attributes (path, next hop, communities): birdc prints
 * them as it prints a member's BGP routes. Prints the first (uncached) answer, the cached answer's p50/p99, and the
 * birdc calls per minute while 50 viewers refresh every 2 s (cache time 60 s, at most 2 reads at once).
 * {@code ./mvnw -B -pl operator -am verify -Dtest=LookingGlassBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
class LookingGlassBenchmark {

    private static final boolean TIMED = Boolean.getBoolean("ztix.benchmark");
    private static final int ROUTES = Integer.getInteger("ztix.benchmark.routes", TIMED ? 10_000 : 300);
    private static final int VIEWERS = 50;
    private static final Duration VIEWING = TIMED ? Duration.ofSeconds(60) : Duration.ofSeconds(3);
    private static final String PROTOCOL = "m_as64501_aaaa000001_v4";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMemberWithManyRoutesIsAnsweredQuicklyAndViewersCostOneBirdcReadPerCacheTime() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(); BirdDaemon bird = BirdDaemon.start(session(ROUTES))) {
            BirdCommands commands = new BirdCommands(bird.target());
            AtomicInteger reads = new AtomicInteger();
            List<String> command = List.of(commands.routesOf(PROTOCOL, false));
            java.util.function.Supplier<List<Route>> fetch = () -> {
                reads.incrementAndGet();
                try (SshSession ssh = SshSession.open(sshd.target())) {
                    return LookingGlass.read(ssh, command, false, 64500);
                }
            };
            RouteCache.Key key = new RouteCache.Key("ix/rs1", "accepted", PROTOCOL);

            List<Double> first = new ArrayList<>();
            for (int round = 0; round < (TIMED ? 5 : 1); round++) {
                RouteCache cold = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(10), 200_000, Clock.systemUTC());
                long start = System.nanoTime();
                String page = page(cold.get(key, fetch), 0);
                first.add((System.nanoTime() - start) / 1e6);
                assertThat(page).contains("45.");
            }
            RouteCache cache = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(10), 200_000, Clock.systemUTC());
            assertThat(cache.get(key, fetch).routes()).hasSize(ROUTES);

            List<Double> cached = new ArrayList<>();
            int pages = (ROUTES + 99) / 100;
            for (int i = 0; i < (TIMED ? 20_000 : 500); i++) {
                long start = System.nanoTime();
                page(cache.get(key, fetch), ThreadLocalRandom.current().nextInt(pages));
                cached.add((System.nanoTime() - start) / 1e6);
            }

            int readsBefore = reads.get();
            ExecutorService viewers = Executors.newFixedThreadPool(VIEWERS);
            long end = System.nanoTime() + VIEWING.toNanos();
            AtomicInteger answers = new AtomicInteger();
            for (int v = 0; v < VIEWERS; v++) {
                viewers.submit(() -> {
                    while (System.nanoTime() < end) {
                        page(cache.get(key, fetch), ThreadLocalRandom.current().nextInt(pages));
                        answers.incrementAndGet();
                        Thread.sleep(2000);
                    }
                    return null;
                });
            }
            viewers.shutdown();
            assertThat(viewers.awaitTermination(VIEWING.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
            double perMinute = (reads.get() - readsBefore) * 60.0 / VIEWING.toSeconds();

            Collections.sort(first);
            Collections.sort(cached);
            System.out.printf("LookingGlassBenchmark: %d routes, load average %s%n", ROUTES, loadAverage());
            System.out.printf("  first answer (SSH + birdc + parse + page): median %.0f ms, max %.0f ms (%d rounds)%n",
                    first.get(first.size() / 2), first.get(first.size() - 1), first.size());
            System.out.printf("  cached answer (page of 100 as JSON): p50 %.3f ms, p99 %.3f ms (%d answers)%n",
                    cached.get(cached.size() / 2), cached.get((int) (cached.size() * 0.99)), cached.size());
            System.out.printf("  %d viewers refreshing every 2 s for %d s: %d answers, %.1f birdc calls per minute%n",
                    VIEWERS, VIEWING.toSeconds(), answers.get(), perMinute);
            assertThat(reads.get() - readsBefore).as("birdc reads while cached").isLessThanOrEqualTo(1 + (int) (VIEWING.toSeconds() / 60));
        }
    }

    private String page(RouteCache.Answer answer, int page) throws Exception {
        return json.writeValueAsString(LookingGlassAnswers.routes(answer, new LookingGlassAnswers.Page(page, 100),
                Duration.ofSeconds(60)));
    }

    /** A member-named static protocol: {@code routes} accepted /24s with a path, next hop and communities, and a tenth as many filtered /25s. */
    private static String session(int routes) {
        StringBuilder config = new StringBuilder("protocol static " + PROTOCOL + " {\n  ipv4 { import keep filtered on; "
                + "import filter { if net.len > 24 then { bgp_large_community.add((64500, 1101, 1)); reject; } "
                + "bgp_large_community.add((64500, 1000, 2)); accept; }; };\n");
        for (int i = 0; i < routes + routes / 10; i++) {
            boolean filtered = i >= routes;
            int n = filtered ? i - routes : i;
            config.append("  route 45.").append(128 + n / 256).append('.').append(n % 256)
                    .append(filtered ? ".128/25" : ".0/24")
                    .append(" unreachable { bgp_origin = ORIGIN_IGP; bgp_path.prepend(64510); bgp_path.prepend(64501); ")
                    .append("bgp_next_hop = 203.0.113.11; bgp_local_pref = 100; bgp_community.add((64501, 100)); };\n");
        }
        return config.append("}\n").toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
