package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.network.AddressAllocation;
import io.ztix.api.network.PeeringLan;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.api.network.ZtNetworkStatus;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses the pending queue previews, by the operator's scheme, for the cases the page cannot show alone. */
class AddressPreviewTest {

    @Test
    void theRouteServersOwnIpv4AddressesAreSkippedAsTheOperatorSkipsThem() {
        ZtNetwork lan = network("2001:db8:ff::/64", "203.0.113.0/24", null, null);

        AddressPreview.Addresses preview = AddressPreview.of(lan, request(64501), List.of(routeServer("203.0.113.1"),
                routeServer("203.0.113.2")));

        assertThat(preview).isEqualTo(new AddressPreview.Addresses("2001:db8:ff:0:6:4501:0:1", "203.0.113.3", null));
    }

    @Test
    void aLanWithoutIpv4PreviewsOnlyTheIpv6Address() {
        AddressPreview.Addresses preview = AddressPreview.of(network("2001:db8:ff::/64", null, 41L, null),
                request(4_294_967_294L), List.of());

        assertThat(preview).isEqualTo(new AddressPreview.Addresses("2001:db8:ff:0:a429:4967:294:42", null, null));
    }

    @Test
    void anAsnThatUsedEverySequenceNumberOrAFullIpv4LanSaysApprovalWouldFail() {
        assertThat(AddressPreview.of(network("2001:db8:ff::/64", null, 9999L, null), request(64501), List.of())
                .problem()).contains("AS64501 has used all 9999");
        assertThat(AddressPreview.of(network("2001:db8:ff::/64", "203.0.113.0/29", null, 6L), request(64501), List.of())
                .problem()).contains("no never-used host address left");
    }

    @Test
    void aRequestThatHasItsAddressesKeepsThemAndAnUnreadableLanPreviewsNothing() {
        JoinRequest kept = request(64501);
        kept.setStatus(new JoinRequestStatus());
        kept.getStatus().sequence = 3L;
        kept.getStatus().assignedIps = new AssignedIps("2001:db8:ff:0:6:4501:0:3", "203.0.113.9");
        assertThat(AddressPreview.of(network("2001:db8:ff::/64", "203.0.113.0/24", 5L, 20L), kept, List.of()))
                .isEqualTo(new AddressPreview.Addresses("2001:db8:ff:0:6:4501:0:3", "203.0.113.9", null));

        assertThat(AddressPreview.of(network("not a prefix", null, null, null), request(64501), List.of())).isNull();
        assertThat(AddressPreview.of(null, request(64501), List.of())).isNull();
    }

    private static ZtNetwork network(String ipv6, String ipv4, Long lastSequenceOf64501Or4294967294, Long lastIpv4Offset) {
        ZtNetwork network = new ZtNetwork();
        network.setMetadata(new ObjectMetaBuilder().withName("lan").build());
        network.setSpec(new ZtNetworkSpec());
        network.getSpec().peeringLan = new PeeringLan(ipv6, ipv4);
        network.setStatus(new ZtNetworkStatus());
        network.getStatus().allocation = new AddressAllocation();
        if (lastSequenceOf64501Or4294967294 != null) {
            network.getStatus().allocation.lastSequenceByAsn.put("64501", lastSequenceOf64501Or4294967294);
            network.getStatus().allocation.lastSequenceByAsn.put("4294967294", lastSequenceOf64501Or4294967294);
        }
        network.getStatus().allocation.lastIpv4Offset = lastIpv4Offset;
        return network;
    }

    private static JoinRequest request(long asn) {
        JoinRequest jr = new JoinRequest();
        jr.setMetadata(new ObjectMetaBuilder().withName("lan-as" + asn).withUid("uid-" + asn).build());
        jr.setSpec(new JoinRequestSpec());
        jr.getSpec().networkRef = "lan";
        jr.getSpec().asn = asn;
        jr.getSpec().nodeId = "00000000a1";
        return jr;
    }

    private static RouteServer routeServer(String ipv4) {
        RouteServer rs = new RouteServer();
        rs.setSpec(new RouteServerSpec());
        rs.getSpec().peeringAddresses = new PeeringAddresses();
        rs.getSpec().peeringAddresses.ipv4 = ipv4;
        return rs;
    }
}
