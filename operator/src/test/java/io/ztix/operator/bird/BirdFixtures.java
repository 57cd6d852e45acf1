package io.ztix.operator.bird;

import io.ztix.operator.irr.IrrPrefix;
import java.util.List;

/** The small fixed route server used by the golden-file and parse tests. */
final class BirdFixtures {

    static final long RS_ASN = 64500;

    private BirdFixtures() {
    }

    static Member exampleNetworks() {
        return new Member("example-networks", 64501, "Example Networks", "AS-EXAMPLE", "0a1b2c3d4e",
                "2001:db8:0:0::11", "198.51.100.11", 120L, 60L);
    }

    /** A hostile PeeringDB name and AS-SET, no max-prefix limits (the defaults apply). */
    static Member hostileName() {
        return new Member("second-net", 64502, "Ñetwork \"Two\"; } protocol static evil {", "RIPE::AS-TWO, AS-TWO-V6 \"x",
                "1122334455", "2001:DB8::12", "198.51.100.12", null, null);
    }

    /** A 32-bit ASN without IPv4. */
    static Member ipv6Only() {
        return new Member("v6-only", 65551, null, null, "00000000aa", "2001:db8::13", null, null, 10L);
    }

    static RouteServerConfig routeServer(List<Member> members) {
        return routeServer(members, Policy.defaults());
    }

    static RouteServerConfig routeServer(List<Member> members, Policy policy) {
        return new RouteServerConfig(RS_ASN, "198.51.100.1", "198.51.100.1", "2001:db8::1",
                List.of(new RtrEndpoint("127.0.0.1", 3323)), policy, members);
    }

    /**
     * The three members with IRR lists on the first two: aggregated ranges, an origin the route server cannot use
     * (AS_TRANS, dropped), and no IPv6 route object for the first.
     */
    static RouteServerConfig threeMembersWithIrr() {
        Member first = exampleNetworks().withIrr(new IrrFilter(List.of(64501L, 3333L),
                List.of(new IrrPrefix("45.128.50.0", 23, 23, 24), new IrrPrefix("193.0.0.0", 21, 21, 21)), List.of()));
        Member second = hostileName().withIrr(new IrrFilter(List.of(15562L, 23456L),
                List.of(new IrrPrefix("185.1.2.0", 24, 24, 24)), List.of(new IrrPrefix("2a02:898::", 32, 32, 48))));
        return routeServer(List.of(first, second, ipv6Only()));
    }

    /**
     * The three members with IRR lists, on a route server with RFC 7999 blackholing: the second member accepts
     * blackhole routes, the others do not.
     */
    static RouteServerConfig threeMembersWithBlackholing() {
        List<Member> members = threeMembersWithIrr().members();
        return routeServer(List.of(members.get(0), members.get(1).withBlackholes(true), members.get(2)),
                Policy.defaults().withBlackholing(new Blackholing("198.51.100.66", "2001:db8::66")));
    }

    static RouteServerConfig threeMembers() {
        return routeServer(List.of(exampleNetworks(), hostileName(), ipv6Only()));
    }
}
