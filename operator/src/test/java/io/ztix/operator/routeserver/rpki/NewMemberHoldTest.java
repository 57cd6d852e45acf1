package io.ztix.operator.routeserver.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServerStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is held for RPKI: new members while no RTR server is in sync, never a member already served. */
class NewMemberHoldTest {

    private static RouteServer routeServer(RpkiSpec.NewMembersPolicy policy, Boolean inSync, List<PeerStatus> running) {
        RouteServer rs = new RouteServer();
        rs.setSpec(new RouteServerSpec());
        rs.getSpec().rpki = new RpkiSpec();
        rs.getSpec().rpki.newMembersWhileNotInSync = policy;
        rs.setStatus(new RouteServerStatus());
        if (inSync != null) {
            RtrServerStatus rtr = new RtrServerStatus();
            rtr.inSync = inSync;
            rs.getStatus().rpki.add(rtr);
        }
        rs.getStatus().peers.addAll(running);
        return rs;
    }

    private static PeerStatus session(String joinRequest, Boolean held) {
        PeerStatus peer = new PeerStatus();
        peer.joinRequest = joinRequest;
        peer.held = held;
        return peer;
    }

    @Test
    void whileNoRtrServerIsInSyncOnlyMembersNotServedYetAreHeld() {
        RouteServer rs = routeServer(RpkiSpec.NewMembersPolicy.Hold, false, List.of(session("a", null), session("b", true)));

        assertThat(NewMemberHold.heldMembers(rs, Set.of("a", "b", "c"))).containsExactly("b", "c");
    }

    @Test
    void beforeTheFirstObservationEveryNewMemberIsHeld() {
        RouteServer rs = routeServer(RpkiSpec.NewMembersPolicy.Hold, null, List.of());

        assertThat(NewMemberHold.heldMembers(rs, Set.of("a"))).containsExactly("a");
    }

    @Test
    void oneRtrServerInSyncReleasesEveryone() {
        RouteServer rs = routeServer(RpkiSpec.NewMembersPolicy.Hold, true, List.of(session("b", true)));

        assertThat(NewMemberHold.heldMembers(rs, Set.of("a", "b"))).isEmpty();
    }

    @Test
    void thePolicyConfigureHoldsNobody() {
        RouteServer rs = routeServer(RpkiSpec.NewMembersPolicy.Configure, false, List.of());

        assertThat(NewMemberHold.heldMembers(rs, Set.of("a"))).isEmpty();
    }
}
