package io.ztix.portal.admin;

import io.ztix.addressing.AddressSpaceExhaustedException;
import io.ztix.addressing.Ipv4Allocator;
import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.addressing.Ipv6MemberAddresses;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.AddressAllocation;
import io.ztix.api.network.AddressReservation;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import java.util.List;
import java.util.Objects;

/**
 * The addresses approval will give a pending request, by the operator's own scheme (the addressing module) and
 * from the state the operator keeps: the addresses the request already has, the numbers already reserved for it
 * in the ZtNetwork's status, or else the ASN's next IPv6 sequence number and the IPv4 host address that is next
 * free now (approving another request first takes it, so the page calls it a preview). Looking allocates nothing.
 */
public final class AddressPreview {

    /** What approval would assign; {@code problem} instead when the peering LAN has no address left for it. */
    public record Addresses(String ipv6, String ipv4, String problem) {
    }

    private AddressPreview() {
    }

    /** @return null when the network or its peering LAN is unknown or unreadable (the page then shows no numbers) */
    static Addresses of(ZtNetwork network, JoinRequest r, List<RouteServer> routeServers) {
        if (network == null || network.getSpec() == null || network.getSpec().peeringLan == null
                || network.getSpec().peeringLan.ipv6 == null || r.getSpec().asn == null) {
            return null;
        }
        if (r.getStatus() != null && r.getStatus().sequence != null && r.getStatus().assignedIps != null) {
            // the operator keeps the addresses a request already has
            return new Addresses(r.getStatus().assignedIps.ipv6, r.getStatus().assignedIps.ipv4, null);
        }
        long asn = r.getSpec().asn;
        try {
            Ipv6Lan lan6 = Ipv6Lan.parse(network.getSpec().peeringLan.ipv6);
            String lan4Text = network.getSpec().peeringLan.ipv4;
            Ipv4Lan lan4 = lan4Text == null ? null : Ipv4Lan.parse(lan4Text);
            AddressAllocation allocation = network.getStatus() == null || network.getStatus().allocation == null
                    ? new AddressAllocation() : network.getStatus().allocation;
            AddressReservation reserved = allocation.reservations.stream()
                    .filter(x -> Objects.equals(x.uid, r.getMetadata().getUid())).findFirst().orElse(null);
            if (reserved != null && reserved.sequence != null && Objects.equals(reserved.asn, asn)
                    && (lan4 == null) == (reserved.ipv4 == null)) {
                return new Addresses(Ipv6MemberAddresses.address(lan6, asn, reserved.sequence.intValue()),
                        reserved.ipv4, null);
            }
            int sequence = Ipv6MemberAddresses.nextSequence(asn, allocation.lastSequenceByAsn.get(Long.toString(asn)));
            String ipv4 = lan4 == null ? null
                    : Ipv4Allocator.next(lan4, allocation.lastIpv4Offset, routeServerIpv4(routeServers)).address();
            return new Addresses(Ipv6MemberAddresses.address(lan6, asn, sequence), ipv4, null);
        } catch (AddressSpaceExhaustedException e) {
            return new Addresses(null, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The route servers' own IPv4 addresses, which the operator never hands to a member. */
    private static List<String> routeServerIpv4(List<RouteServer> routeServers) {
        return routeServers.stream()
                .map(rs -> rs.getSpec() == null || rs.getSpec().peeringAddresses == null ? null
                        : rs.getSpec().peeringAddresses.ipv4)
                .filter(Objects::nonNull).toList();
    }
}
