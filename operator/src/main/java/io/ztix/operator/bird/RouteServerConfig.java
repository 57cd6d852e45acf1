package io.ztix.operator.bird;

import java.util.List;
import java.util.Set;

/**
 * Everything the renderer needs to write one route server's ZT-IX include file. Plain data: the
 * integrator maps the RouteServer, ZtNetwork and approved JoinRequest resources to this record.
 *
 * @param rsAsn      the route server's own ASN (1..4294967294, not 23456)
 * @param routerId   BGP router ID, a dotted quad; written as {@code router id} into the include file
 * @param rsIpv4     the route server's IPv4 address on the peering LAN, null when the LAN has no IPv4
 * @param rsIpv6     the route server's IPv6 address on the peering LAN
 * @param rtrServers at least one RTR server: without an RTR feed every route is RPKI-unknown and
 *                   origin validation silently filters nothing, so the renderer refuses an empty list
 * @param policy     policy knobs shared by all member sessions
 * @param members    approved members, in any order (the output is sorted)
 * @param heldMembers JoinRequest names of members whose sessions are configured but {@code disabled} (held
 *                   until an RTR server is in sync); names that are not members are ignored
 * @param suspendedMembers JoinRequest names of members whose sessions are configured but {@code disabled} because
 *                   a PeeringDB re-check suspended them; names that are not members are ignored
 */
public record RouteServerConfig(
        long rsAsn,
        String routerId,
        String rsIpv4,
        String rsIpv6,
        List<RtrEndpoint> rtrServers,
        Policy policy,
        List<Member> members,
        Set<String> heldMembers,
        Set<String> suspendedMembers) {

    public RouteServerConfig {
        rtrServers = rtrServers == null ? List.of() : List.copyOf(rtrServers);
        members = members == null ? List.of() : List.copyOf(members);
        heldMembers = heldMembers == null ? Set.of() : Set.copyOf(heldMembers);
        suspendedMembers = suspendedMembers == null ? Set.of() : Set.copyOf(suspendedMembers);
    }

    /** A configuration in which no member is held. */
    public RouteServerConfig(long rsAsn, String routerId, String rsIpv4, String rsIpv6, List<RtrEndpoint> rtrServers,
            Policy policy, List<Member> members) {
        this(rsAsn, routerId, rsIpv4, rsIpv6, rtrServers, policy, members, Set.of(), Set.of());
    }

    /** The same configuration with another policy. */
    public RouteServerConfig withPolicy(Policy otherPolicy) {
        return new RouteServerConfig(rsAsn, routerId, rsIpv4, rsIpv6, rtrServers, otherPolicy, members, heldMembers,
                suspendedMembers);
    }

    /** The same configuration with these members' sessions held (rendered disabled). */
    public RouteServerConfig withHeldMembers(Set<String> joinRequestNames) {
        return new RouteServerConfig(rsAsn, routerId, rsIpv4, rsIpv6, rtrServers, policy, members, joinRequestNames,
                suspendedMembers);
    }

    /** The same configuration with these members' sessions suspended (rendered disabled). */
    public RouteServerConfig withSuspendedMembers(Set<String> joinRequestNames) {
        return new RouteServerConfig(rsAsn, routerId, rsIpv4, rsIpv6, rtrServers, policy, members, heldMembers,
                joinRequestNames);
    }
}
