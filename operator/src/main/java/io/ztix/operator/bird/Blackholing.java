package io.ztix.operator.bird;

/**
 * RFC 7999 blackholing: where a member's IRR lists are checked, its routes tagged BLACKHOLE (65535:666) may be host
 * routes of its registered prefixes; accepted, they point at these next hops (addresses of the peering LAN that no
 * router holds) and carry NO_EXPORT. {@code nextHop4} is null on a route server without IPv4.
 */
public record Blackholing(String nextHop4, String nextHop6) {

    /** The next hops parsed again and checked against the route server's own addresses. */
    Blackholing validated(String rsIpv4, String rsIpv6) {
        String six = IpAddresses.ipv6(nextHop6, "blackholing: IPv6 next hop (spec.policy.blackholing.nextHop6)");
        if (six.equals(rsIpv6)) {
            throw new IllegalArgumentException("blackholing: the IPv6 next hop " + six + " is the route server's own address");
        }
        if (rsIpv4 == null) {
            return new Blackholing(null, six);
        }
        String four = IpAddresses.ipv4(nextHop4, "blackholing: IPv4 next hop (spec.policy.blackholing.nextHop4)");
        if (four.equals(rsIpv4)) {
            throw new IllegalArgumentException("blackholing: the IPv4 next hop " + four + " is the route server's own address");
        }
        return new Blackholing(four, six);
    }
}
