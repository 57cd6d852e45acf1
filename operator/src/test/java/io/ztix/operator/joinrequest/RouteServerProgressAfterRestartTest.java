package io.ztix.operator.joinrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.EntrySummary;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Above 100 members a RouteServer's status lists only the sessions that need attention. Right after an operator
 * restart nothing else is known about the others until the route server was read again: a member's JoinRequest then
 * keeps the entry it had (Active stays Active), and a member that is listed gets what the status says.
 */
class RouteServerProgressAfterRestartTest {

    private static final String SERVED = "ix-as64501-aabbccdd01";
    private static final String LISTED = "ix-as64502-aabbccdd02";

    @Test
    void aMemberTheTruncatedStatusDoesNotListKeepsItsConfiguredEntry() {
        RouteServerProgress progress = RouteServerProgress.of(SERVED, List.of(configured("rs1")), List.of(truncated("rs1")));

        assertThat(progress.allConfigured()).isTrue();
        assertThat(progress.entries().get(0).sessions).extracting(p -> p.state).containsExactly("Established");
    }

    @Test
    void aMemberTheTruncatedStatusListsGetsWhatItSays() {
        RouteServerProgress progress = RouteServerProgress.of(LISTED, List.of(configured("rs1")), List.of(truncated("rs1")));

        assertThat(progress.entries().get(0).sessions).extracting(p -> p.state).containsExactly("Active");
    }

    @Test
    void aCompleteStatusDecidesAloneAMemberItLacksIsNotConfigured() {
        RouteServer complete = truncated("rs1");
        complete.getStatus().peerSummary.truncated = false;

        RouteServerProgress progress = RouteServerProgress.of(SERVED, List.of(configured("rs1")), List.of(complete));

        assertThat(progress.allConfigured()).isFalse();
    }

    private static RouteServerEntry configured(String routeServer) {
        RouteServerEntry entry = new RouteServerEntry();
        entry.name = routeServer;
        entry.configured = true;
        entry.sessions.add(session(SERVED, "Established"));
        return entry;
    }

    private static RouteServer truncated(String name) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName(name).build());
        rs.setStatus(new RouteServerStatus());
        rs.getStatus().peers.add(session(LISTED, "Active"));
        rs.getStatus().peerSummary = new EntrySummary();
        rs.getStatus().peerSummary.total = 20_000;
        rs.getStatus().peerSummary.truncated = true;
        return rs;
    }

    private static PeerStatus session(String joinRequest, String state) {
        PeerStatus peer = new PeerStatus();
        peer.joinRequest = joinRequest;
        peer.protocol = "m_" + joinRequest + "_v6";
        peer.state = state;
        return peer;
    }
}
