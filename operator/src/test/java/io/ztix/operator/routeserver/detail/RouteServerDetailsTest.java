package io.ztix.operator.routeserver.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.routeserver.EntrySummary;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import org.junit.jupiter.api.Test;

/**
 * The complete per-member lists the operator keeps in memory: handed back only for the same RouteServer (a
 * re-created one with the same name starts afresh), as copies the reconciliation may change, and never replaced by the
 * part a truncated status holds.
 */
class RouteServerDetailsTest {

    private final RouteServerDetails details = new RouteServerDetails();

    @Test
    void theRememberedListsComeBackAsCopiesThatDoNotChangeWhatReadersSee() {
        RouteServer rs = routeServer("uid-1", 3);
        details.remember(rs);

        RouteServer next = routeServer("uid-1", 0);
        next.getStatus().peerSummary = truncatedSummary();
        assertThat(details.restore(next)).isTrue();
        next.getStatus().peers.get(0).state = "Idle";

        assertThat(next.getStatus().peers).hasSize(3);
        assertThat(next.getStatus().peerSummary).as("complete again").isNull();
        assertThat(details.complete(next).orElseThrow().peers().get(0).state).isEqualTo("Established");
        assertThat(details.detailed(routeServer("uid-1", 0)).getStatus().peers).hasSize(3);
    }

    @Test
    void aRouteServerCreatedAgainUnderTheSameNameIsNotGivenTheOldOnesSessions() {
        details.remember(routeServer("uid-1", 3));

        RouteServer recreated = routeServer("uid-2", 1);

        assertThat(details.restore(recreated)).isFalse();
        assertThat(details.complete(recreated).orElseThrow().peers()).hasSize(1);
    }

    @Test
    void aTruncatedStatusWithNothingRememberedIsNotCompleteAndIsNotRemembered() {
        RouteServer afterRestart = routeServer("uid-1", 1);
        afterRestart.getStatus().peerSummary = truncatedSummary();

        details.remember(afterRestart);

        assertThat(RouteServerDetails.partial(afterRestart.getStatus())).isTrue();
        assertThat(details.complete(afterRestart)).isEmpty();
        assertThat(details.sessionsOf(afterRestart, "ix-as64501-aabbccdd00")).isEmpty();
    }

    @Test
    void aDeletedRouteServerIsForgotten() {
        details.remember(routeServer("uid-1", 3));

        details.forget("ns/rs1");

        RouteServer truncated = routeServer("uid-1", 1);
        truncated.getStatus().peerSummary = truncatedSummary();
        assertThat(details.complete(truncated)).isEmpty();
    }

    private static EntrySummary truncatedSummary() {
        EntrySummary summary = new EntrySummary();
        summary.total = 20_000;
        summary.truncated = true;
        return summary;
    }

    private static RouteServer routeServer(String uid, int sessions) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("rs1").withUid(uid).build());
        rs.setStatus(new RouteServerStatus());
        for (int i = 0; i < sessions; i++) {
            PeerStatus peer = new PeerStatus();
            peer.joinRequest = "ix-as64501-aabbccdd0" + i;
            peer.protocol = "m_as64501_aabbccdd0" + i + "_v6";
            peer.state = "Established";
            rs.getStatus().peers.add(peer);
        }
        return rs;
    }
}
