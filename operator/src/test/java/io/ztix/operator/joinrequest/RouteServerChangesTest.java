package io.ztix.operator.joinrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.common.Condition;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import org.junit.jupiter.api.Test;

class RouteServerChangesTest {

    private static RouteServer routeServer() {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ix").withName("rs1").withGeneration(3L).build());
        rs.setStatus(new RouteServerStatus());
        PeerStatus peer = new PeerStatus();
        peer.joinRequest = "ix-as64501-aabbccdd01";
        peer.state = "Established";
        rs.getStatus().peers.add(peer);
        return rs;
    }

    private static RouteServer copy(RouteServer rs) {
        return Serialization.clone(rs);
    }

    @Test
    void aWaitingMessageOrAConditionChangeReconcilesNoJoinRequest() {
        RouteServer before = routeServer();
        RouteServer now = copy(before);
        now.getStatus().conditions.add(new Condition("Applied", "False", "Waiting", "waiting for the apply interval"));
        now.getStatus().lastError = "something";

        assertThat(RouteServerChanges.mattersToRequests(now, before)).isFalse();
    }

    @Test
    void aSessionStateChangeOrANewSpecReconcilesTheRequests() {
        RouteServer before = routeServer();
        RouteServer sessions = copy(before);
        sessions.getStatus().peers.get(0).state = "Active";
        RouteServer spec = copy(before);
        spec.getMetadata().setGeneration(4L);

        assertThat(RouteServerChanges.mattersToRequests(sessions, before)).isTrue();
        assertThat(RouteServerChanges.mattersToRequests(spec, before)).isTrue();
    }

    @Test
    void routeCountersThatMoveReconcileNoJoinRequest() {
        RouteServer before = routeServer();
        before.getStatus().peers.get(0).imported = 10;
        RouteServer now = copy(before);
        now.getStatus().peers.get(0).imported = 11;
        now.getStatus().peers.get(0).filtered = 2;
        now.getStatus().peers.get(0).exported = 4500;

        assertThat(RouteServerChanges.mattersToRequests(now, before)).isFalse();
    }
}
