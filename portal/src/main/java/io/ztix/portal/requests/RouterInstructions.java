package io.ztix.portal.requests;

import io.ztix.api.network.FabricSpec;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.api.routeserver.RouteServer;
import java.util.List;
import java.util.Optional;

/** Router-side configuration a member needs: BIRD 2 and FRR neighbour snippets for every route server. */
public final class RouterInstructions {

    /** One route server as the member must configure it. */
    public record Neighbor(String name, long asn, String ipv6, String ipv4) {
    }

    /**
     * What the peering LAN enforces, for the member's instructions.
     *
     * @param mtu                    the network's MTU
     * @param assignedAddressesOnly  whether the flow rules drop peering-LAN addresses not assigned to the sender
     */
    public record Lan(int mtu, boolean assignedAddressesOnly) {

        public static Lan of(Optional<ZtNetwork> network) {
            ZtNetworkSpec spec = network.map(ZtNetwork::getSpec).orElseGet(ZtNetworkSpec::new);
            FabricSpec fabric = spec.effectiveFabric();
            return new Lan(spec.effectiveMtu(), !Boolean.FALSE.equals(fabric.manageRules)
                    && !Boolean.FALSE.equals(fabric.authenticatedSources));
        }
    }

    private RouterInstructions() {
    }

    public static List<Neighbor> neighbors(List<RouteServer> routeServers) {
        return routeServers.stream()
                .filter(rs -> rs.getSpec() != null && rs.getSpec().peeringAddresses != null)
                .map(rs -> new Neighbor(rs.getMetadata().getName(), rs.getSpec().asn,
                        rs.getSpec().peeringAddresses.ipv6, rs.getSpec().peeringAddresses.ipv4))
                .toList();
    }

    public static String bird(long memberAsn, boolean withIpv4, List<Neighbor> neighbors) {
        StringBuilder out = new StringBuilder();
        for (Neighbor n : neighbors) {
            String id = n.name().replaceAll("[^A-Za-z0-9_]", "_");
            if (n.ipv6() != null) {
                out.append("protocol bgp ztix_").append(id).append("_v6 {\n")
                        .append("    description \"ZT-IX route server ").append(n.name()).append("\";\n")
                        .append("    local as ").append(memberAsn).append(";\n")
                        .append("    neighbor ").append(n.ipv6()).append(" as ").append(n.asn()).append(";\n")
                        .append("    ipv6 {\n        import all;\n        export where net ~ MY_PREFIXES_V6;\n    };\n}\n\n");
            }
            if (withIpv4 && n.ipv4() != null) {
                out.append("protocol bgp ztix_").append(id).append("_v4 {\n")
                        .append("    description \"ZT-IX route server ").append(n.name()).append("\";\n")
                        .append("    local as ").append(memberAsn).append(";\n")
                        .append("    neighbor ").append(n.ipv4()).append(" as ").append(n.asn()).append(";\n")
                        .append("    ipv4 {\n        import all;\n        export where net ~ MY_PREFIXES_V4;\n    };\n}\n\n");
            }
        }
        return out.toString().strip();
    }

    public static String frr(long memberAsn, boolean withIpv4, List<Neighbor> neighbors) {
        StringBuilder out = new StringBuilder("router bgp ").append(memberAsn).append("\n")
                .append(" ! route servers do not put their own ASN in the AS path\n")
                .append(" no bgp enforce-first-as\n");
        for (Neighbor n : neighbors) {
            if (n.ipv6() != null) {
                out.append(" neighbor ").append(n.ipv6()).append(" remote-as ").append(n.asn()).append("\n")
                        .append(" neighbor ").append(n.ipv6()).append(" description ZT-IX ").append(n.name()).append("\n");
            }
            if (withIpv4 && n.ipv4() != null) {
                out.append(" neighbor ").append(n.ipv4()).append(" remote-as ").append(n.asn()).append("\n")
                        .append(" neighbor ").append(n.ipv4()).append(" description ZT-IX ").append(n.name()).append("\n");
            }
        }
        out.append(" address-family ipv6 unicast\n");
        neighbors.stream().filter(n -> n.ipv6() != null).forEach(n -> out.append("  neighbor ").append(n.ipv6())
                .append(" activate\n  neighbor ").append(n.ipv6()).append(" route-map ZTIX-OUT-V6 out\n"));
        out.append(" exit-address-family\n");
        if (withIpv4) {
            out.append(" address-family ipv4 unicast\n");
            neighbors.stream().filter(n -> n.ipv4() != null).forEach(n -> out.append("  neighbor ").append(n.ipv4())
                    .append(" activate\n  neighbor ").append(n.ipv4()).append(" route-map ZTIX-OUT-V4 out\n"));
            out.append(" exit-address-family\n");
        }
        return out.toString().strip();
    }
}
