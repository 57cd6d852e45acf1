package io.ztix.operator.routeserver.rpki;

import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RpkiSpec.NewMembersPolicy;
import io.ztix.api.routeserver.RtrServerStatus;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The policy for members that are not on a route server yet while none of its RTR servers is in sync (BIRD's ROA
 * tables may be empty, and then RPKI-invalid routes pass): with {@code Hold} (the default) their sessions are
 * configured {@code disabled} until an RTR server is in sync. Members the route server already serves (their
 * sessions are in the running configuration, not held) are never held: a control-plane problem does not take a
 * member's sessions down, and BIRD keeps the ROAs it had until they expire.
 *
 * <p>Decided from the RouteServer's status alone (the last observation of its RTR servers and the sessions of the
 * running configuration), so an operator restart decides the same.
 */
public final class NewMemberHold {

    private NewMemberHold() {
    }

    /** JoinRequest names of the desired members whose sessions are held. */
    public static Set<String> heldMembers(RouteServer routeServer, Collection<String> desiredMembers) {
        NewMembersPolicy policy = routeServer.getSpec().rpki == null || routeServer.getSpec().rpki.newMembersWhileNotInSync == null
                ? NewMembersPolicy.Hold : routeServer.getSpec().rpki.newMembersWhileNotInSync;
        if (policy == NewMembersPolicy.Configure || anyInSync(routeServer)) {
            return Set.of();
        }
        List<PeerStatus> running = routeServer.getStatus() == null ? List.of() : routeServer.getStatus().peers;
        Set<String> served = running.stream().filter(p -> !Boolean.TRUE.equals(p.held) && p.joinRequest != null)
                .map(p -> p.joinRequest).collect(Collectors.toSet());
        return desiredMembers.stream().filter(m -> !served.contains(m)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the last observation saw an RTR server in sync (never observed: no). */
    public static boolean anyInSync(RouteServer routeServer) {
        List<RtrServerStatus> rpki = routeServer.getStatus() == null ? List.of() : routeServer.getStatus().rpki;
        return rpki.stream().anyMatch(r -> Boolean.TRUE.equals(r.inSync));
    }
}
