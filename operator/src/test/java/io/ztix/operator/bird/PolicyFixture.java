package io.ztix.operator.bird;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route server the filter tests run against: AS64000 with four members. Filter names follow the
 * renderer's scheme {@code m_as<asn>_<node>_<v4|v6>_in|_out}.
 */
final class PolicyFixture {

    /**
     * Outside every reserved range on purpose, so that a path through the route server is rejected for
     * that reason alone (a documentation ASN here would be rejected as reserved anyway).
     */
    static final long RS_ASN = 64000;
    static final long A = 64501;
    static final long B = 64502;
    static final long C = 64503;
    /** A 32-bit ASN: standard-community announcement control cannot name it. */
    static final long D = 65551;

    static final String A_V4 = "198.51.100.11";
    static final String A_V6 = "2001:db8::11";

    /** A public (non-bogon) ASN used as an origin behind the member. */
    static final long TRANSIT = 3333;

    private static final Pattern LARGE_COMMUNITY = Pattern.compile("\\((\\d+), (\\d+), (\\d+)\\)");

    private PolicyFixture() {
    }

    static RouteServerConfig routeServer() {
        return routeServer(Policy.defaults());
    }

    static RouteServerConfig routeServer(Policy policy) {
        return new RouteServerConfig(RS_ASN, "198.51.100.1", "198.51.100.1", "2001:db8::1",
                List.of(new RtrEndpoint("127.0.0.1", 3323)), policy, List.of(
                        new Member("a", A, "Member A", null, "aaaaaaaaaa", A_V6, A_V4, null, null),
                        new Member("b", B, "Member B", null, "bbbbbbbbbb", "2001:db8::12", "198.51.100.12", null, null),
                        new Member("c", C, "Member C", null, "cccccccccc", "2001:db8::13", "198.51.100.13", null, null),
                        new Member("d", D, "Member D", null, "dddddddddd", "2001:db8::14", "198.51.100.14", null, null)));
    }

    /** The same route server with IRR lists for A and B (C and D unchecked). */
    static RouteServerConfig routeServerWithIrr(IrrFilter forA, IrrFilter forB) {
        RouteServerConfig plain = routeServer();
        List<Member> members = plain.members().stream()
                .map(m -> m.asn() == A ? m.withIrr(forA) : m.asn() == B ? m.withIrr(forB) : m).toList();
        return new RouteServerConfig(plain.rsAsn(), plain.routerId(), plain.rsIpv4(), plain.rsIpv6(), plain.rtrServers(),
                plain.policy(), members);
    }

    /**
     * Enables {@code protocols} (started {@link TestRoutes#disabled()}) once {@code roa} is in {@code roaTable}: their
     * routes are checked when they arrive, and BIRD starts protocols in no fixed order (BIRD 3 in threads), so a route
     * checked before its ROA arrived would be judged without it.
     */
    static void enableOnceRoaIsIn(BirdDaemon bird, String roaTable, String roa, String... protocols) {
        org.awaitility.Awaitility.await("the ROA " + roa).atMost(Duration.ofSeconds(15))
                .until(() -> bird.birdc("show", "route", "table", roaTable).contains(roa));
        for (String protocol : protocols) {
            bird.birdc("enable", protocol);
        }
    }

    /** A community as {@link #ours} reports it: "function:value". */
    static String code(io.ztix.api.routeserver.RouteServerCommunity community) {
        return community.function() + ":" + community.value();
    }

    /** {@code prefix} from {@code protocol} is filtered with exactly these reasons (table from the protocol's family). */
    static void assertFilteredFor(BirdDaemon bird, String prefix, String protocol,
            io.ztix.api.routeserver.RouteServerCommunity... reasons) {
        String table = prefix.contains(":") ? "master6" : "master4";
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Arrays.stream(reasons).map(PolicyFixture::code)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                filteredReasons(bird, table, prefix, protocol), prefix + " from " + protocol);
    }

    static String importFilter(long asn, String family) {
        return protocol(asn, family) + "_in";
    }

    static String exportFilter(long asn, String family) {
        return protocol(asn, family) + "_out";
    }

    private static String protocol(long asn, String family) {
        String node = asn == A ? "aaaaaaaaaa" : asn == B ? "bbbbbbbbbb" : asn == C ? "cccccccccc" : "dddddddddd";
        return "m_as" + asn + "_" + node + "_" + (family.equals("ipv4") ? "v4" : "v6");
    }

    /** Waits until {@code prefix} from {@code protocol} is in {@code table}'s accepted routes; returns its details. */
    static String awaitAccepted(BirdDaemon bird, String table, String prefix, String protocol) {
        return awaitAccepted(bird, table, prefix, protocol, Duration.ofSeconds(15));
    }

    /** {@link #awaitAccepted(BirdDaemon, String, String, String)} with a timeout of {@code atMost}. */
    static String awaitAccepted(BirdDaemon bird, String table, String prefix, String protocol, Duration atMost) {
        String[] details = new String[1];
        await(prefix + " from " + protocol + " accepted into " + table)
                .atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            details[0] = bird.birdc("show", "route", prefix, "table", table, "protocol", protocol, "all");
            return details[0].contains(prefix + " ");
        });
        return details[0];
    }

    /** Waits until {@code prefix} from {@code protocol} sits among the routes its import filter rejected. */
    static void awaitFiltered(BirdDaemon bird, String table, String prefix, String protocol) {
        await(prefix + " from " + protocol + " rejected by its import filter")
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                bird.birdc("show", "route", prefix, "table", table, "filtered", "protocol", protocol).contains(prefix + " ")
                        && bird.birdc("show", "route", prefix, "table", table, "protocol", protocol).contains("Network not found"));
    }

    /** Waits until {@code prefix} from {@code protocol} sits among the filtered routes; returns their details. */
    static String awaitFilteredDetails(BirdDaemon bird, String table, String prefix, String protocol) {
        awaitFiltered(bird, table, prefix, protocol);
        return bird.birdc("show", "route", prefix, "table", table, "filtered", "protocol", protocol, "all");
    }

    /** The reject reasons ("1101:n") on {@code prefix} from {@code protocol}, once it sits among the filtered routes. */
    static Set<String> filteredReasons(BirdDaemon bird, String table, String prefix, String protocol) {
        Set<String> reasons = new TreeSet<>();
        ours(awaitFilteredDetails(bird, table, prefix, protocol)).stream().filter(c -> c.startsWith("1101:")).forEach(reasons::add);
        return reasons;
    }

    /** The route server's own large communities in {@code birdc show route ... all} output, as "function:value". */
    static Set<String> ours(String details) {
        Set<String> found = new TreeSet<>();
        for (String line : details.split("\n")) {
            if (!line.contains("large_community")) {
                continue;
            }
            Matcher m = LARGE_COMMUNITY.matcher(line);
            while (m.find()) {
                if (Long.parseLong(m.group(1)) == RS_ASN) {
                    found.add(m.group(2) + ":" + m.group(3));
                }
            }
        }
        return found;
    }

    /** Whether {@code table} holds {@code prefix} at all (for export tables fed by a pipe). */
    static boolean tableHas(BirdDaemon bird, String table, String prefix) {
        return bird.birdc("show", "route", prefix, "table", table).contains(prefix + " ");
    }
}
