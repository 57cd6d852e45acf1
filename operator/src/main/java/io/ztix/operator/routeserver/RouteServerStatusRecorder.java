package io.ztix.operator.routeserver;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.operator.routeserver.apply.BirdApplyException;
import io.ztix.operator.routeserver.apply.ProtocolState;
import io.ztix.operator.ssh.SshException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every outcome of a RouteServer reconciliation, as status fields and conditions that agree. */
final class RouteServerStatusRecorder {

    private final RouteServer routeServer;
    private final RouteServerStatus status;
    private final Clock clock;

    RouteServerStatusRecorder(RouteServer routeServer, Clock clock) {
        this.routeServer = routeServer;
        this.clock = clock;
        if (routeServer.getStatus() == null) {
            routeServer.setStatus(new RouteServerStatus());
        }
        this.status = routeServer.getStatus();
        status.observedGeneration = routeServer.getMetadata().getGeneration();
    }

    boolean runs(String configHash) {
        return configHash.equals(status.appliedConfigHash);
    }

    void invalid(String message) {
        status.lastError = message;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "InvalidConfiguration", message);
        set(RouteServer.COND_READY, Condition.FALSE, "InvalidConfiguration", message);
    }


    /** A new configuration waits for its turn; the running one (and its peers) stays as it is. */
    void waiting(String message) {
        set(RouteServer.COND_READY, Condition.FALSE, "ApplyPending", message);
    }

    /** @return true when this is news (the condition changed) */
    boolean removalHeld(List<String> requests) {
        String message = "Not applied: it would drop " + String.join(", ", requests) + " although no decision removed "
                + "them; the running configuration stays until the JoinRequests are readable, admitted, or decided";
        status.lastError = message;
        boolean news = !Conditions.find(status.conditions, RouteServer.COND_CONFIG_APPLIED)
                .map(c -> "MemberRemovalHeld".equals(c.reason) && message.equals(c.message)).orElse(false);
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "MemberRemovalHeld", message);
        set(RouteServer.COND_READY, Condition.FALSE, "MemberRemovalHeld", message);
        return news;
    }

    void held(ApplyScheduler.Rejection rejection) {
        String message = "Not applied: route server " + rejection.routeServer() + " of the same network rejected this "
                + "configuration (" + rejection.reason() + ")";
        status.lastError = message;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "HeldAfterRejectionElsewhere", message);
        set(RouteServer.COND_READY, Condition.FALSE, "HeldAfterRejectionElsewhere", message);
    }

    void applied(String configHash, boolean changed, Map<String, PeerStatus> sessions) {
        status.lastError = null;
        status.appliedConfigHash = configHash;
        if (changed || status.lastAppliedTime == null) {
            status.lastAppliedTime = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        status.peers = new ArrayList<>(sessions.values());
        status.peerCount = sessions.size();
        set(RouteServer.COND_REACHABLE, Condition.TRUE, "Connected", "SSH and BIRD answered");
        set(RouteServer.COND_CONFIG_APPLIED, Condition.TRUE, "Applied", "BIRD runs configuration " + configHash.substring(0, 12)
                + " with " + sessions.size() + " member sessions");
        set(RouteServer.COND_READY, Condition.TRUE, "Ready", "The route server runs the desired configuration");
    }

    void sessionStates(Map<String, PeerStatus> sessions, List<ProtocolState> states) {
        for (ProtocolState state : states) {
            PeerStatus peer = sessions.get(state.name());
            if (peer != null) {
                peer.state = state.isBgp() ? state.bgpState() : state.state();
                peer.since = state.since();
                String info = state.isBgp() ? state.lastError() : state.info();
                peer.info = info == null || info.isBlank() ? null : info;
            }
        }
        status.peers = new ArrayList<>(sessions.values());
    }

    void sshFailed(SshException e) {
        status.lastError = e.getMessage();
        set(RouteServer.COND_REACHABLE, Condition.FALSE, switch (e.kind()) {
            case HOST_KEY -> "HostKeyMismatch";
            case AUTH -> "AuthenticationFailed";
            case CONNECT, CONNECT_TIMEOUT -> "Unreachable";
            default -> "CommandFailed";
        }, e.getMessage());
        set(RouteServer.COND_READY, Condition.FALSE, "Unreachable", e.getMessage());
    }

    void applyFailed(BirdApplyException e) {
        String message = "Apply failed at stage " + e.stage() + ": " + e.getMessage();
        status.lastError = message;
        set(RouteServer.COND_REACHABLE, Condition.TRUE, "Connected", "SSH answered");
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "ApplyFailed" + stageName(e), message);
        set(RouteServer.COND_READY, Condition.FALSE, "ApplyFailed", message);
    }

    void secretUnavailable(String message) {
        status.lastError = message;
        set(RouteServer.COND_REACHABLE, Condition.UNKNOWN, "KeySecretUnavailable", message);
        set(RouteServer.COND_READY, Condition.FALSE, "KeySecretUnavailable", message);
    }

    private static String stageName(BirdApplyException e) {
        String stage = e.stage().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
    }

    private void set(String type, String conditionStatus, String reason, String message) {
        Conditions.set(status.conditions, new Condition(type, conditionStatus, reason, message),
                routeServer.getMetadata().getGeneration(), clock);
    }
}
