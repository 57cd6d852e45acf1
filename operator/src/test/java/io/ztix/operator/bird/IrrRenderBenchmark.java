package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.irr.IrrPrefix;
import io.ztix.operator.testsupport.BirdInstallation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Render and {@code birdc configure} times for 1,000 members with IRR lists (20 IPv4 and 5 IPv6 entries each), one
 * of them with 100,000 IPv4 entries; printed, not asserted. Run with:
 * {@code ZTIX_REQUIRE_REAL_TOOLS=true ./mvnw -B -pl operator -am verify -Dtest=IrrRenderBenchmark -Dztix.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "ztix.benchmark", matches = "true")
class IrrRenderBenchmark {

    /** {@code -Dztix.benchmark.members=10000 -Dztix.benchmark.hugeEntries=25} measures issue 14's 10,000 members. */
    private static final int MEMBERS = Integer.getInteger("ztix.benchmark.members", 1_000);
    private static final int HUGE = Integer.getInteger("ztix.benchmark.hugeEntries", 100_000);
    /** {@code -Dztix.benchmark.bird=TRIXIE_3_1} (or TRIXIE_2_17) runs it on Debian 13's BIRD instead of the host's 2.0.12. */
    private static final BirdInstallation BIRD = BirdInstallation.valueOf(System.getProperty("ztix.benchmark.bird", "HOST_2_0"));
    private static final int RUNS = Integer.getInteger("ztix.benchmark.runs", 7);

    @Test
    void renderAndReconfigureAThousandMembersWithIrrListsOneOfThemHuge() throws Exception {
        measure(MEMBERS, HUGE, RUNS, BIRD);
    }

    /**
     * Renders {@code memberCount} members with IRR lists (the first with {@code hugeEntries} IPv4 entries), starts BIRD
     * with it and reconfigures it {@code runs} times after a one-entry change; prints the figures and returns the
     * rendered configuration.
     */
    static String measure(int memberCount, int hugeEntries, int runs) throws Exception {
        return measure(memberCount, hugeEntries, runs, BirdInstallation.HOST_2_0);
    }

    static String measure(int memberCount, int hugeEntries, int runs, BirdInstallation installation) throws Exception {
        installation.require();
        BirdVersion version = installation.birdVersion();
        RouteServerConfig config = BirdFixtures.routeServer(members(memberCount, hugeEntries));
        RouteServerConfig changed = BirdFixtures.routeServer(members(memberCount, hugeEntries - 1));
        BirdConfigRenderer renderer = new BirdConfigRenderer();
        for (int i = 0; i < 3; i++) {
            renderer.render(config, version);
        }
        long[] render = new long[runs];
        String text = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            text = renderer.render(config, version);
            render[i] = System.nanoTime() - start;
        }
        Arrays.sort(render);
        String second = renderer.render(changed, version);

        long startup = System.nanoTime();
        try (BirdDaemon bird = BirdDaemon.start(installation, text, "")) {
            long started = System.nanoTime() - startup;
            long[] configure = new long[runs];
            for (int i = 0; i < runs; i++) {
                Files.writeString(bird.includeFile(), i % 2 == 0 ? second : text);
                long start = System.nanoTime();
                String reply = bird.birdc("configure");
                configure[i] = System.nanoTime() - start;
                assertTrue(reply.contains("Reconfigured") || reply.contains("Reconfiguration in progress"), reply);
            }
            Arrays.sort(configure);
            String memory = bird.birdc("show", "memory");
            System.out.printf("IrrRenderBenchmark: %d members (%d sessions), one with %d IPv4 entries: render median %.1f ms "
                            + "(min %.1f, max %.1f), output %.1f MiB; %s start with it %.1f s; birdc configure after a "
                            + "one-entry change median %.2f s (min %.2f, max %.2f); BIRD memory: %s; load average %.1f on %d CPUs%n",
                    memberCount, memberCount * 2, hugeEntries, render[runs / 2] / 1e6, render[0] / 1e6, render[runs - 1] / 1e6,
                    text.length() / 1048576.0, installation, started / 1e9, configure[runs / 2] / 1e9, configure[0] / 1e9,
                    configure[runs - 1] / 1e9, total(memory), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
        return text;
    }

    private static String total(String memory) {
        return Arrays.stream(memory.split("\n")).filter(l -> l.contains("Total")).findFirst().orElse("?").strip();
    }

    private static List<Member> members(int memberCount, int hugeEntries) {
        List<Member> members = new ArrayList<>(memberCount);
        for (int i = 0; i < memberCount; i++) {
            List<IrrPrefix> ipv4 = new ArrayList<>();
            int entries = i == 0 ? hugeEntries : 20;
            for (int e = 0; e < entries; e++) {
                long base = i == 0 ? (45L << 24) + (2L * e << 8) : (100L << 24) + ((long) i << 13) + ((long) e << 8);
                ipv4.add(new IrrPrefix((base >> 24) + "." + (base >> 16 & 255) + "." + (base >> 8 & 255) + ".0", 24, 24, 24));
            }
            List<IrrPrefix> ipv6 = new ArrayList<>();
            for (int e = 0; e < 5; e++) {
                ipv6.add(new IrrPrefix(String.format("2a0%x:%x::", 1 + e, 0x100 + i), 32, 32, 48));
            }
            members.add(new Member("member-" + i, 100_000L + i, "Network number " + i, "RIPE::AS-NET" + i,
                    String.format("%010x", 0x1000000000L + i), "2001:db8::" + Integer.toHexString(0x1000 + i),
                    "10.0." + ((i + 2) >> 8) + "." + ((i + 2) & 255), 500L, 100L)
                    .withIrr(new IrrFilter(List.of(100_000L + i, 3333L), ipv4, ipv6)));
        }
        return members;
    }
}
