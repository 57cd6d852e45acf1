package io.ztix.operator.routeserver;

import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.MaxPrefixes;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.PolicySpec;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.AspaPolicy;
import io.ztix.operator.bird.IrrFilter;
import io.ztix.operator.bird.MaxPrefixAction;
import io.ztix.operator.bird.Member;
import io.ztix.operator.bird.Blackholing;
import io.ztix.operator.bird.Policy;
import io.ztix.operator.bird.PrefixLimits;
import io.ztix.operator.bird.RouteServerConfig;
import io.ztix.operator.bird.RtrEndpoint;
import io.ztix.operator.joinrequest.Membership;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration a route server should run: a pure function of its spec and the admitted records of its
 * network's JoinRequests whose decision still stands. Live health (conditions) plays no part. Also knows which
 * BIRD protocol belongs to which request, to read session states back.
 */
record DesiredConfig(RouteServerConfig model, Map<String, PeerStatus> sessionsByProtocol) {

    static DesiredConfig of(RouteServer routeServer, Collection<JoinRequest> requestsOfNetwork) {
        return of(routeServer, requestsOfNetwork, Map.of());
    }

    /** @param irrFilters per JoinRequest name, the IRR lists its import filter checks (absent: not checked) */
    static DesiredConfig of(RouteServer routeServer, Collection<JoinRequest> requestsOfNetwork, Map<String, IrrFilter> irrFilters) {
        var spec = routeServer.getSpec();
        PolicySpec policySpec = spec.policy == null ? new PolicySpec() : spec.policy;
        Policy policy = new Policy(policySpec.asPathMaxLength, MaxPrefixAction.valueOf(policySpec.maxPrefixAction.name()),
                Boolean.TRUE.equals(policySpec.bgpRole),
                aspa(policySpec.aspa)).withTransitFreeAsns(policySpec.transitFreeAsns == null
                ? PolicySpec.DEFAULT_TRANSIT_FREE_ASNS : policySpec.transitFreeAsns)
                .withRoasAsRouteObjects(Boolean.TRUE.equals(policySpec.rpkiRoasAsRouteObjects))
                .withBlackholing(policySpec.blackholing == null || !Boolean.TRUE.equals(policySpec.blackholing.enabled) ? null
                        : new Blackholing(policySpec.blackholing.nextHop4, policySpec.blackholing.nextHop6));
        List<RtrEndpoint> rtr = spec.rpki.servers.stream().map(s -> new RtrEndpoint(s.host, s.port)).toList();
        String rsIpv4 = spec.peeringAddresses.ipv4;
        Map<String, PeerStatus> sessions = new LinkedHashMap<>();
        List<Member> members = requestsOfNetwork.stream()
                .filter(request -> spec.networkRef.equals(Membership.networkOf(request)))
                .flatMap(request -> Membership.onRouteServers(request).stream()
                        .map(admitted -> member(request.getMetadata().getName(), admitted, rsIpv4 == null,
                                policySpec.maxPrefixHeadroomPercent).withIrr(irrFilters.get(request.getMetadata().getName()))))
                .toList();
        for (Member member : members) {
            sessions.put(member.protocolName("v6"), peer(member, "ipv6", member.ipv6()));
            if (member.ipv4() != null) {
                sessions.put(member.protocolName("v4"), peer(member, "ipv4", member.ipv4()));
            }
        }
        Set<String> suspended = requestsOfNetwork.stream()
                .filter(request -> spec.networkRef.equals(Membership.networkOf(request)) && Membership.suspended(request))
                .map(request -> request.getMetadata().getName()).collect(Collectors.toSet());
        return new DesiredConfig(new RouteServerConfig(spec.asn, spec.routerId, rsIpv4, spec.peeringAddresses.ipv6,
                rtr, policy, members).withSuspendedMembers(suspended), sessions);
    }

    private static AspaPolicy aspa(PolicySpec.Aspa aspa) {
        return aspa == null ? AspaPolicy.Off : switch (aspa) {
            case Disabled -> AspaPolicy.Off;
            case Tag -> AspaPolicy.Tag;
            case Reject -> AspaPolicy.Reject;
        };
    }

    /** On the route servers: an admitted record whose decision still stands (see {@link Membership}). */
    static boolean belongsOnRouteServers(JoinRequest request) {
        return Membership.onRouteServers(request).isPresent();
    }

    private static Member member(String joinRequestName, AdmittedMember admitted, boolean ipv6Only, int headroomPercent) {
        MaxPrefixes limits = admitted.maxPrefixes;
        return new Member(joinRequestName, admitted.asn, admitted.networkName, admitted.asSet, admitted.nodeId,
                admitted.ipv6, ipv6Only ? null : admitted.ipv4,
                limits == null || limits.ipv4 == null ? null : PrefixLimits.withHeadroom(limits.ipv4, headroomPercent),
                limits == null || limits.ipv6 == null ? null : PrefixLimits.withHeadroom(limits.ipv6, headroomPercent))
                .withBlackholes(Boolean.TRUE.equals(admitted.acceptBlackholes));
    }

    private static PeerStatus peer(Member member, String family, String address) {
        PeerStatus peer = new PeerStatus();
        peer.joinRequest = member.joinRequestName();
        peer.asn = member.asn();
        peer.family = family;
        peer.address = address;
        peer.protocol = member.protocolName(family.equals("ipv6") ? "v6" : "v4");
        peer.receiveLimit = family.equals("ipv6") ? member.effectiveMaxPrefixes6() : member.effectiveMaxPrefixes4();
        peer.state = "Unknown";
        return peer;
    }
}
