package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.operator.common.StatusSnapshot;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Route servers of a network configure a new member one after the other (the health gate); the member's status is
 * written when it is admitted (Provisioning, waiting for all) and when it is Active, not for each route server.
 */
class OneStatusWritePerPhaseTest {

    private static final String NAME = JoinRequest.nameFor("ix", 64501, "aabbccdd01");

    private static RouteServer routeServer(String name, boolean runsTheMember) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ix").withName(name).build());
        rs.setSpec(new RouteServerSpec());
        rs.getSpec().networkRef = "ix";
        rs.setStatus(new RouteServerStatus());
        if (runsTheMember) {
            PeerStatus peer = new PeerStatus();
            peer.joinRequest = NAME;
            peer.protocol = "m_as64501_1_v6";
            peer.state = "Active";
            rs.getStatus().peers.add(peer);
        }
        return rs;
    }

    private static JoinRequest provisioning() {
        JoinRequest request = request("ix", "ix", 64501, "aabbccdd01", peeringDbUser(1, true));
        request.setStatus(new JoinRequestStatus());
        JoinRequestStatusRecorder status = new JoinRequestStatusRecorder(request, Clock.systemUTC());
        status.admittedMember(RouteServerProgress.of(NAME, List.of(routeServer("rs1", false), routeServer("rs2", false))), null);
        return request;
    }

    @Test
    void theFirstRouteServerConfiguringTheMemberChangesNothingInItsStatus() {
        JoinRequest request = provisioning();
        StatusSnapshot before = StatusSnapshot.of(request.getStatus());

        new JoinRequestStatusRecorder(request, Clock.systemUTC()).admittedMember(
                RouteServerProgress.of(NAME, List.of(routeServer("rs1", true), routeServer("rs2", false))), null);

        assertThat(request.getStatus().phase).isEqualTo(Phase.Provisioning);
        assertThat(before.changed(request.getStatus())).isFalse();
    }

    @Test
    void theLastRouteServerMakesItActiveWithEveryRouteServersSessions() {
        JoinRequest request = provisioning();

        new JoinRequestStatusRecorder(request, Clock.systemUTC()).admittedMember(
                RouteServerProgress.of(NAME, List.of(routeServer("rs1", true), routeServer("rs2", true))), null);

        assertThat(request.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(request.getStatus().routeServers).allSatisfy(e -> assertThat(e.configured).isTrue());
    }

    @Test
    void aRouteServerAddedWhileProvisioningIsWrittenAtOnce() {
        JoinRequest request = provisioning();

        new JoinRequestStatusRecorder(request, Clock.systemUTC()).admittedMember(RouteServerProgress.of(NAME,
                List.of(routeServer("rs1", true), routeServer("rs2", false), routeServer("rs3", false))), null);

        assertThat(request.getStatus().routeServers).extracting(e -> e.name).containsExactly("rs1", "rs2", "rs3");
    }
}
