package io.ztix.operator.routeserver;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.routeserver.apply.ProtocolState;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.observe.RouteCounts;
import io.ztix.operator.routeserver.rpki.RpkiReport;
import io.ztix.operator.ssh.SshException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was seen on the route server: reachable or not (and why), its sessions with their states and route counts,
 * its RTR servers and BIRD version, and the paths to the members' nodes.
 */
final class ObservedStatusRecorder extends RouteServerStatusPart {

    ObservedStatusRecorder(RouteServer routeServer, Clock clock) {
        super(routeServer, clock);
    }

    /** BIRD was read: sessions of the running configuration, RTR servers, version; the route server is reachable. */
    void observed(BirdObservation observation, RpkiReport rpki) {
        status.lastObservedTime = time(observation.observedAt());
        status.birdVersion = observation.birdVersion().toString();
        status.unreachableSince = null;
        set(RouteServer.COND_REACHABLE, Condition.TRUE, "Connected", "SSH and BIRD answered");
        Map<String, ProtocolState> protocols = observation.protocolsByName();
        for (PeerStatus peer : status.peers) {
            String now = time(observation.observedAt());
            Optional.ofNullable(protocols.get(peer.protocol)).ifPresentOrElse(state -> sessionState(peer, state, now), () -> {
                stateSeen(peer, "NotConfigured", now);
                peer.since = null;
                peer.info = "BIRD has no protocol " + peer.protocol;
            });
            if (observation.routesRead()) {
                routeCounts(peer, observation.routes().get(peer.protocol));
            }
        }
        status.rpki = new ArrayList<>(rpki.servers());
        set(RouteServer.COND_RPKI_READY, rpki.conditionStatus(), rpki.reason(), rpki.message());
    }

    /** How the route server's ZeroTier node reaches each member's node. */
    void memberPaths(List<MemberPath> paths) {
        status.memberPaths = new ArrayList<>(paths);
        status.memberPathSummary = null; // complete again (see StatusBounds)
    }

    /** The {@code Reachable=False} reason of a failed SSH step; the event that reports it has the same name. */
    static String unreachableReason(SshException.Kind kind) {
        return switch (kind) {
            case HOST_KEY -> "HostKeyMismatch";
            case AUTH -> "AuthenticationFailed";
            case CONNECT, CONNECT_TIMEOUT -> "Unreachable";
            default -> "CommandFailed";
        };
    }

    /** Why the route server is not reachable as the status says now; empty while it is (or was never tried). */
    Optional<String> unreachableReason() {
        return Conditions.find(status.conditions, RouteServer.COND_REACHABLE).filter(c -> Condition.FALSE.equals(c.status))
                .map(c -> c.reason);
    }

    /** @return when the route server was reachable until now (a transition), else empty */
    Optional<String> unreachable(SshException e) {
        status.lastError = e.getMessage();
        set(RouteServer.COND_REACHABLE, Condition.FALSE, unreachableReason(e.kind()), e.getMessage());
        if (status.unreachableSince != null) {
            return Optional.empty();
        }
        status.unreachableSince = time(Instant.now(clock));
        return Optional.of(status.lastObservedTime == null ? "never observed" : "last observed " + status.lastObservedTime);
    }

    private static void sessionState(PeerStatus peer, ProtocolState state, String now) {
        stateSeen(peer, state.isBgp() ? state.bgpState() : state.state(), now);
        peer.since = state.since();
        String info = state.isBgp() ? state.lastError() : state.info();
        peer.info = Boolean.TRUE.equals(peer.held) ? "Held until an RTR server is in sync (RPKI)"
                : info == null || info.isBlank() ? null : info;
    }

    /** The session's state; a new state starts counting its time from this observation. */
    private static void stateSeen(PeerStatus peer, String state, String now) {
        if (!state.equals(peer.state) || peer.stateSinceTime == null) {
            peer.stateSinceTime = now;
        }
        peer.state = state;
    }

    private static void routeCounts(PeerStatus peer, RouteCounts counts) {
        peer.imported = counts == null ? null : counts.imported();
        peer.filtered = counts == null ? null : counts.filtered();
        peer.exported = counts == null ? null : counts.exported();
    }
}
