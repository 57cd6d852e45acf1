package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Render speed for a large exchange, printed rather than asserted (timings on a shared 2-core machine
 * are not a test). Run with:
 * {@code ./mvnw -B -pl operator -am verify -Dtest=RenderBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dztix.benchmark.birdVersion=3.1.8 -Dztix.benchmark.aspa=Reject} for a BIRD 3 route server with ASPA;
 * the default is the oldest supported BIRD, 2.0.12, without ASPA).
 */
@EnabledIfSystemProperty(named = "ztix.benchmark", matches = "true")
class RenderBenchmark {

    private static final int MEMBERS = 10_000;
    private static final int WARM_UP_RUNS = 20;
    private static final int MEASURED_RUNS = 21;

    @Test
    void renderTenThousandMembers() {
        BirdVersion version = BirdVersion.parse(System.getProperty("ztix.benchmark.birdVersion", "2.0.12"));
        AspaPolicy aspa = AspaPolicy.valueOf(System.getProperty("ztix.benchmark.aspa", "Off"));
        // "true": with blackholing; "both": without, then with, under the same load
        String blackholing = System.getProperty("ztix.benchmark.blackholing", "false");
        for (boolean on : blackholing.equals("both") ? new boolean[] {false, true} : new boolean[] {Boolean.parseBoolean(blackholing)}) {
            String rendered = measure(MEMBERS, WARM_UP_RUNS, MEASURED_RUNS, version, aspa, on);
            assertTrue(rendered.length() > MEMBERS * 1000, "every member was rendered");
        }
    }

    /**
     * Renders {@code memberCount} members {@code warmUps + runs} times, prints the figures (one line starting
     * "RenderBenchmark:") and returns the last rendering. {@link RenderBenchmarkSmokeTest} runs it small in every
     * build so that the benchmark cannot rot; only the timed run above is opt-in.
     */
    static String measure(int memberCount, int warmUps, int runs, BirdVersion version, AspaPolicy aspa) {
        return measure(memberCount, warmUps, runs, version, aspa, false);
    }

    /** With {@code blackholing}: RFC 7999 blackholing on, every second member accepting blackhole routes. */
    static String measure(int memberCount, int warmUps, int runs, BirdVersion version, AspaPolicy aspa, boolean blackholing) {
        List<Member> members = new ArrayList<>(members(memberCount));
        Policy policy = Policy.defaults().withAspa(aspa);
        if (blackholing) {
            policy = policy.withBlackholing(new Blackholing("198.51.100.66", "2001:db8::66"));
            for (int i = 0; i < members.size(); i += 2) {
                members.set(i, members.get(i).withBlackholes(true));
            }
        }
        RouteServerConfig config = BirdFixtures.routeServer(members, policy);
        BirdConfigRenderer renderer = new BirdConfigRenderer();
        String rendered = null;
        for (int i = 0; i < warmUps; i++) {
            rendered = renderer.render(config, version);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long[] cpuNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            rendered = renderer.render(config, version);
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        long[] modelCpuNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            ConfigView.of(config, version);
            modelCpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(modelCpuNanos);
        long hashStart = System.nanoTime();
        BirdConfigRenderer.sha256(renderer.render(config, version));
        long withHash = System.nanoTime() - hashStart;
        int length = rendered.length();
        System.out.printf("RenderBenchmark: BIRD %s, ASPA %s, blackholing %s, %d members (%d sessions): wall median %.1f ms (min %.1f, max %.1f); "
                        + "thread CPU median %.1f ms (min %.1f), of which validation %.1f ms; render+sha256 %.1f ms; output %d characters (%.1f MiB); "
                        + "load average %.1f on %d CPUs%n",
                version, aspa, blackholing ? "on (every second member accepts)" : "off", memberCount, memberCount * 2, nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6,
                cpuNanos[runs / 2] / 1e6, cpuNanos[0] / 1e6, modelCpuNanos[runs / 2] / 1e6, withHash / 1e6, length, length / 1048576.0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        return rendered;
    }

    static List<Member> members(int count) {
        List<Member> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(new Member("member-" + i, 100_000L + i, "Network number " + i + " GmbH & Co. KG",
                    "RIPE::AS-NET" + i, String.format("%010x", 0x1000000000L + i),
                    "2001:db8::" + Integer.toHexString(0x1000 + i),
                    "10.0." + ((i + 2) >> 8) + "." + ((i + 2) & 255),
                    500L, 100L));
        }
        return members;
    }
}
