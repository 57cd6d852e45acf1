package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Port security for the peering LAN, enforced by every ZeroTier node through the network's flow rules. Every
 * protection is on by default and can be switched off one by one; see docs/operations.md "Fabric rules".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FabricSpec {

    @Default("true")
    @JsonPropertyDescription("Whether ZT-IX writes and keeps the network's flow rules. false: the rules on the "
            + "controller are left as they are and not checked (e.g. an adopted network with hand-written rules).")
    public Boolean manageRules = Boolean.TRUE;

    @Default("true")
    @JsonPropertyDescription("Drop every frame that is not IPv4, ARP or IPv6.")
    public Boolean onlyIpEthertypes = Boolean.TRUE;

    @Default("true")
    @JsonPropertyDescription("Members may only use the peering-LAN addresses ZT-IX assigned them: ARP, IPv6 neighbor "
            + "advertisements and IP packets whose source is in the peering LAN must be authenticated for the sender "
            + "(ZeroTier's ipauth). Forwarded traffic (sources outside the peering LAN) and IPv6 link-local sources "
            + "are not affected.")
    public Boolean authenticatedSources = Boolean.TRUE;

    @Default("true")
    @JsonPropertyDescription("With authenticatedSources: also drop IPv6 neighbor advertisements whose target the sender "
            + "does not own. ZeroTier never authenticates link-local (fe80::) addresses, so this also drops "
            + "advertisements for link-local targets: switch it off only if members peer over link-local addresses "
            + "or use link-local next hops, accepting that a member can then answer for another member's address.")
    public Boolean authenticatedNeighborAdvertisements = Boolean.TRUE;

    @Default("true")
    @JsonPropertyDescription("Drop IPv6 router advertisements and redirects and IPv4 ICMP redirects.")
    public Boolean dropRouterAdvertisements = Boolean.TRUE;

    @Default("true")
    @JsonPropertyDescription("Drop DHCPv4 and DHCPv6 server traffic (UDP source ports 67 and 547).")
    public Boolean dropDhcpServers = Boolean.TRUE;

    @Default("true")
    @JsonPropertyDescription("Drop multicast and broadcast frames other than ARP and ICMPv6 (neighbor discovery).")
    public Boolean limitMulticast = Boolean.TRUE;

    @Size(max = 16)
    @JsonPropertyDescription("ZeroTier node IDs (10 hex digits) of the route servers' nodes on this network. Their "
            + "frames are exempt from the address checks (their addresses need not be assigned on the controller).")
    public List<@Pattern("^[0-9a-f]{10}$") String> routeServerNodeIds = new ArrayList<>();
}
