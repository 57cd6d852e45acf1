package io.ztix.operator.routeserver;

import io.ztix.api.common.Condition;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RolloutStatus;
import io.ztix.api.routeserver.RolloutStatus.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.routeserver.gate.HealthGate;
import io.ztix.operator.routeserver.gate.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The rollout part of a RouteServer's status ({@code status.rollout} and what it means for {@code ConfigApplied}):
 * a configuration settling under the health gate, confirmed, rolled back, refused, or an admin's annotation acted on.
 */
final class RolloutStatusRecorder extends RouteServerStatusPart {

    static final int LISTED_SESSIONS = 50;

    RolloutStatusRecorder(RouteServer routeServer, Clock clock) {
        super(routeServer, clock);
    }

    void settling(HealthGate gate, Verdict verdict) {
        RolloutStatus rollout = rollout(Phase.Settling, gate);
        rollout.deadlineTime = time(gate.deadline());
        rollout.watchedSessions = new ArrayList<>(new TreeSet<>(gate.watched()));
        listDropped(rollout, verdict);
        rollout.message = "Waiting until " + rollout.deadlineTime + " for " + verdict.dropped().size() + " of "
                + gate.watched().size() + " sessions the change touched to be Established again";
        set(RouteServer.COND_CONFIG_APPLIED, Condition.TRUE, "Settling", rollout.message);
    }

    void confirmed(HealthGate gate, Verdict verdict, String message) {
        RolloutStatus rollout = rollout(Phase.Confirmed, gate);
        listDropped(rollout, verdict);
        rollout.message = message;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.TRUE, "Applied", "BIRD runs configuration "
                + gate.configHash().substring(0, 12) + " with " + status.peerCount + " member sessions; " + message);
    }

    void rolledBack(HealthGate gate, Verdict verdict, String fingerprint, List<PeerStatus> previousPeers, String message) {
        RolloutStatus rollout = rollout(Phase.RolledBack, gate);
        listDropped(rollout, verdict);
        rollout.harmFingerprint = fingerprint;
        rollout.message = message;
        status.lastError = message;
        status.appliedConfigHash = gate.previousConfigHash();
        status.peers = new ArrayList<>(previousPeers);
        status.peerCount = previousPeers.size();
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "RolledBack", message);
    }

    /** A refused or rolled-back configuration is no longer desired: BIRD runs the desired one, the hold ends. */
    void resolved(String message) {
        RolloutStatus rollout = rollout(Phase.Confirmed, null);
        rollout.configHash = status.appliedConfigHash;
        rollout.message = message;
        status.lastError = null;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.TRUE, "Applied", "BIRD runs configuration "
                + status.appliedConfigHash.substring(0, 12) + " with " + status.peerCount + " member sessions; " + message);
    }

    void rollbackFailed(HealthGate gate, Verdict verdict, String fingerprint, String message) {
        RolloutStatus rollout = rollout(Phase.RollbackFailed, gate);
        listDropped(rollout, verdict);
        rollout.harmFingerprint = fingerprint;
        rollout.message = message;
        status.lastError = message;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "RollbackFailed", message);
    }

    /** An admin's retry / skip-health-gate annotation was acted on: the hold this route server had ends. */
    void acknowledged(String retry, String skip, boolean skipNextGate, String message) {
        RolloutStatus rollout = new RolloutStatus();
        rollout.skipHealthGateOnNextApply = skipNextGate ? Boolean.TRUE : null;
        rollout.acknowledgedRetry = retry;
        rollout.acknowledgedSkipHealthGate = skip;
        rollout.message = message;
        rollout.finishedTime = time(Instant.now(clock));
        status.rollout = rollout;
    }

    RolloutStatus rollout(Phase phase, HealthGate gate) {
        RolloutStatus previous = status.rollout;
        RolloutStatus rollout = new RolloutStatus();
        if (previous != null) {
            rollout.acknowledgedRetry = previous.acknowledgedRetry;
            rollout.acknowledgedSkipHealthGate = previous.acknowledgedSkipHealthGate;
        }
        rollout.phase = phase;
        if (gate != null) {
            rollout.configHash = gate.configHash();
            rollout.previousConfigHash = gate.previousConfigHash();
            rollout.startedTime = time(gate.startedAt());
            rollout.establishedBefore = gate.establishedBefore();
        }
        if (phase != Phase.Settling) {
            rollout.finishedTime = time(Instant.now(clock));
        }
        status.rollout = rollout;
        return rollout;
    }

    private static void listDropped(RolloutStatus rollout, Verdict verdict) {
        rollout.droppedSessions = new ArrayList<>(verdict.dropped().subList(0, Math.min(LISTED_SESSIONS, verdict.dropped().size())));
        rollout.droppedSessionCount = verdict.dropped().size();
        rollout.droppedMembers = verdict.droppedMembers();
    }
}
