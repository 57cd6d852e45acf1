package io.ztix.operator.network.fabric;

import static io.ztix.operator.network.fabric.ZeroTierRulesEngine.ARP;
import static io.ztix.operator.network.fabric.ZeroTierRulesEngine.IPV4;
import static io.ztix.operator.network.fabric.ZeroTierRulesEngine.IPV6;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.api.network.FabricSpec;
import io.ztix.operator.network.fabric.ZeroTierRulesEngine.Frame;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the generated rules let through, evaluated with a model of ZeroTier's rules engine: member A
 * (aaaaaaaaaa) owns 203.0.113.1 and 2001:db8:ff::a, member B owns 203.0.113.2 and 2001:db8:ff::b, the route
 * server's node (ee00000001) has no addresses on the controller.
 */
class FabricRulesBehaviourTest {

    private static final String A = "aaaaaaaaaa";
    private static final String RS = "ee00000001";
    private static final ZeroTierRulesEngine ENGINE = new ZeroTierRulesEngine(Map.of(
            A, Set.of("203.0.113.1", "2001:db8:ff::a"),
            "bbbbbbbbbb", Set.of("203.0.113.2", "2001:db8:ff::b")));

    private static JsonNode rules(Consumer<FabricSpec> change) {
        FabricSpec fabric = new FabricSpec();
        fabric.routeServerNodeIds = List.of(RS);
        change.accept(fabric);
        return FabricRules.forNetwork(fabric, "2001:db8:ff::/64", "203.0.113.0/24").orElseThrow().rules();
    }

    private static final JsonNode DEFAULTS = rules(fabric -> { });

    private static Frame tcp(String node, int etherType, String source, int destPort) {
        return new Frame(node, etherType, false, source, 6, -1, 40000, destPort, null);
    }

    private static Frame arp(String node, String senderIp) {
        return new Frame(node, ARP, true, null, -1, -1, -1, -1, senderIp);
    }

    private static Frame icmp6(String node, boolean multicast, String source, int type, String claimed) {
        return new Frame(node, IPV6, multicast, source, 58, type, -1, -1, claimed);
    }

    private static Frame udp(String node, int etherType, boolean multicast, String source, int sourcePort, int destPort) {
        return new Frame(node, etherType, multicast, source, 17, -1, sourcePort, destPort, null);
    }

    @Test
    void bgpFromTheMembersOwnAddressesIsAccepted() {
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV6, "2001:db8:ff::a", 179))).isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV4, "203.0.113.1", 179))).isTrue();
    }

    @Test
    void forwardedTrafficFromSourcesOutsideThePeeringLanIsAccepted() {
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV4, "198.51.100.7", 443))).isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV6, "2001:db8:1234::7", 443))).isTrue();
    }

    @Test
    void anotherMembersPeeringAddressIsDroppedAsSourceArpSenderAndNeighborAdvertisement() {
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV4, "203.0.113.2", 179))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV6, "2001:db8:ff::b", 179))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, arp(A, "203.0.113.2"))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, false, "fe80::a", 136, "2001:db8:ff::b"))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV4, "203.0.113.99", 179))).as("unassigned address").isFalse();
    }

    @Test
    void arpAndNeighborAdvertisementsForTheMembersOwnAddressesAreAccepted() {
        assertThat(ENGINE.accepts(DEFAULTS, arp(A, "203.0.113.1"))).isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, false, "2001:db8:ff::a", 136, "2001:db8:ff::a"))).isTrue();
    }

    @Test
    void linkLocalSolicitationsAndLinkLocalSourcesPassButLinkLocalAdvertisementsNeedTheSwitch() {
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, true, "fe80::a", 135, null))).as("NS from fe80::").isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, tcp(A, IPV6, "fe80::a", 179))).as("BGP segment from fe80::").isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, false, "fe80::a", 136, "fe80::a")))
                .as("NA for a link-local target: ZeroTier cannot authenticate it").isFalse();

        JsonNode linkLocal = rules(fabric -> fabric.authenticatedNeighborAdvertisements = false);
        assertThat(ENGINE.accepts(linkLocal, icmp6(A, false, "fe80::a", 136, "fe80::a"))).isTrue();
        assertThat(ENGINE.accepts(linkLocal, arp(A, "203.0.113.2"))).as("ARP is still checked").isFalse();
    }

    @Test
    void routerAdvertisementsRedirectsAndDhcpServersAreDroppedEvenFromRouteServers() {
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, true, "fe80::a", 134, null))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(RS, true, "fe80::1", 134, null))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, false, "fe80::a", 137, null))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, new Frame(A, IPV4, false, "203.0.113.1", 1, 5, -1, -1, null))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, udp(A, IPV4, false, "203.0.113.1", 67, 68))).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, udp(A, IPV6, false, "fe80::a", 547, 546))).isFalse();

        JsonNode open = rules(fabric -> {
            fabric.dropRouterAdvertisements = false;
            fabric.dropDhcpServers = false;
        });
        assertThat(ENGINE.accepts(open, icmp6(A, true, "fe80::a", 134, null))).isTrue();
        assertThat(ENGINE.accepts(open, udp(A, IPV4, false, "203.0.113.1", 67, 68))).isTrue();
    }

    @Test
    void otherEthertypesAreDroppedUnlessSwitchedOff() {
        Frame lldp = new Frame(A, 0x88cc, true, null, -1, -1, -1, -1, null);
        Frame unicastExperimental = new Frame(A, 0x88b5, false, null, -1, -1, -1, -1, null);
        assertThat(ENGINE.accepts(DEFAULTS, lldp)).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, unicastExperimental)).isFalse();
        JsonNode anyEthertype = rules(fabric -> fabric.onlyIpEthertypes = false);
        assertThat(ENGINE.accepts(anyEthertype, unicastExperimental)).isTrue();
        assertThat(ENGINE.accepts(anyEthertype, lldp)).as("still multicast, so limitMulticast drops it").isFalse();
    }

    @Test
    void multicastOtherThanArpAndNeighborDiscoveryIsDroppedUnlessSwitchedOff() {
        Frame mdns = udp(A, IPV4, true, "203.0.113.1", 5353, 5353);
        assertThat(ENGINE.accepts(DEFAULTS, mdns)).isFalse();
        assertThat(ENGINE.accepts(DEFAULTS, arp(A, "203.0.113.1"))).isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(A, true, "fe80::a", 135, null))).isTrue();
        assertThat(ENGINE.accepts(rules(fabric -> fabric.limitMulticast = false), mdns)).isTrue();
    }

    @Test
    void routeServersMayUsePeeringAddressesTheControllerDoesNotAssignToTheirNode() {
        assertThat(ENGINE.accepts(DEFAULTS, tcp(RS, IPV6, "2001:db8:ff::1", 179))).isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, arp(RS, "203.0.113.254"))).isTrue();
        assertThat(ENGINE.accepts(DEFAULTS, icmp6(RS, false, "fe80::1", 136, "fe80::1"))).isTrue();
        assertThat(ENGINE.accepts(rules(fabric -> fabric.routeServerNodeIds = List.of()), tcp(RS, IPV6, "2001:db8:ff::1", 179)))
                .as("a route server that is not listed").isFalse();
    }

    @Test
    void withoutSourceAuthenticationSpoofedAddressesPass() {
        JsonNode unchecked = rules(fabric -> fabric.authenticatedSources = false);
        assertThat(ENGINE.accepts(unchecked, arp(A, "203.0.113.2"))).isTrue();
        assertThat(ENGINE.accepts(unchecked, tcp(A, IPV6, "2001:db8:ff::b", 179))).isTrue();
    }
}
