package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route-counter gauges: per member ASN and family, summed over its sessions, and gone when the member left. */
class RouteServerMetricsRoutesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RouteServerMetrics metrics = new RouteServerMetrics(registry);
    private final RouteServer rs1 = routeServer();

    @Test
    void aMemberThatLeftHasNoSeriesAnyMoreAndTheTotalsNoLongerCountIt() {
        metrics.routes(rs1, List.of(peer(64501, "ipv4", 10, 1, 5), peer(64501, "ipv4", 2, 0, 5),
                peer(64501, "ipv6", null, null, null), peer(64502, "ipv4", 5, 2, 12)), true);
        assertThat(member("64501", "ipv4", "imported")).isEqualTo(12.0);
        assertThat(member("64501", "ipv6", "exported")).as("a session that is down").isEqualTo(0.0);
        assertThat(member("64502", "ipv4", "filtered")).isEqualTo(2.0);
        assertThat(total("ipv4", "imported")).isEqualTo(17.0);

        metrics.routes(rs1, List.of(peer(64501, "ipv4", 10, 1, 0)), true);

        assertThat(registry.find(RouteServerMetrics.MEMBER_ROUTES).tag("asn", "64502").gauges()).isEmpty();
        assertThat(registry.find(RouteServerMetrics.MEMBER_ROUTES).tag("family", "ipv6").gauges()).isEmpty();
        assertThat(registry.find(RouteServerMetrics.MEMBER_ROUTES).gauges()).hasSize(3);
        assertThat(total("ipv4", "imported")).isEqualTo(10.0);
        assertThat(total("ipv6", "imported")).isEqualTo(0.0);
    }

    @Test
    void withoutPerMemberMetricsOnlyTheTotalsAreKept() {
        metrics.routes(rs1, List.of(peer(64501, "ipv4", 10, 1, 5)), true);
        metrics.routes(rs1, List.of(peer(64501, "ipv4", 10, 1, 5)), false);

        assertThat(registry.find(RouteServerMetrics.MEMBER_ROUTES).gauges()).isEmpty();
        assertThat(registry.find(RouteServerMetrics.ROUTES).gauges()).hasSize(4);
    }

    private double member(String asn, String family, String kind) {
        return metrics.gaugeValue(RouteServerMetrics.MEMBER_ROUTES, "ix", "rs1", "asn", asn, "family", family, "kind", kind);
    }

    private double total(String family, String kind) {
        return metrics.gaugeValue(RouteServerMetrics.ROUTES, "ix", "rs1", "family", family, "kind", kind);
    }

    private static PeerStatus peer(long asn, String family, Integer imported, Integer filtered, Integer exported) {
        PeerStatus peer = new PeerStatus();
        peer.asn = asn;
        peer.family = family;
        peer.imported = imported;
        peer.filtered = filtered;
        peer.exported = exported;
        return peer;
    }

    private static RouteServer routeServer() {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ix").withName("rs1").build());
        return rs;
    }
}
