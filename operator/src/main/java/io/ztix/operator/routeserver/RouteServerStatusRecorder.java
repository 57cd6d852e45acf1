package io.ztix.operator.routeserver;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RolloutStatus;
import io.ztix.api.routeserver.RolloutStatus.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.routeserver.apply.BirdApplyException;
import io.ztix.operator.routeserver.gate.HealthGate;
import io.ztix.operator.routeserver.gate.Verdict;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.rpki.RpkiReport;
import io.ztix.operator.ssh.SshException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every outcome of a RouteServer reconciliation, as status fields and conditions that agree. Ready is computed
 * last ({@link #finish()}) from the other conditions: reachable, running the desired configuration (confirmed by
 * the health check) and RPKI in sync.
 */
final class RouteServerStatusRecorder extends RouteServerStatusPart {

    static final String UNSUPPORTED_BIRD = "UnsupportedBirdVersion";
    static final String UNSUPPORTED_FEATURE = "UnsupportedBirdFeature";

    private final RolloutStatusRecorder rollouts;
    private final ObservedStatusRecorder observed;
    private String pending;

    RouteServerStatusRecorder(RouteServer routeServer, Clock clock) {
        super(routeServer, clock);
        status.observedGeneration = routeServer.getMetadata().getGeneration();
        this.rollouts = new RolloutStatusRecorder(routeServer, clock);
        this.observed = new ObservedStatusRecorder(routeServer, clock);
    }

    boolean runs(String configHash) {
        return configHash.equals(status.appliedConfigHash);
    }

    Optional<RolloutStatus> rollout() {
        return Optional.ofNullable(status.rollout);
    }

    void invalid(String message) {
        status.lastError = message;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "InvalidConfiguration", message);
    }

    void secretUnavailable(String message) {
        status.lastError = message;
        set(RouteServer.COND_REACHABLE, Condition.UNKNOWN, "KeySecretUnavailable", message);
    }

    /** A new configuration waits for its turn; the running one (and its peers) stays as it is. */
    void waiting(String message) {
        pending = message;
    }

    /** @return true when this is news (the condition changed) */
    boolean removalHeld(List<String> requests) {
        String message = "Not applied: it would drop " + String.join(", ", requests) + " although no decision removed "
                + "them; the running configuration stays until the JoinRequests are readable, admitted, or decided";
        status.lastError = message;
        boolean news = !Conditions.find(status.conditions, RouteServer.COND_CONFIG_APPLIED)
                .map(c -> "MemberRemovalHeld".equals(c.reason) && message.equals(c.message)).orElse(false);
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "MemberRemovalHeld", message);
        return news;
    }

    void held(ApplyScheduler.Hold hold) {
        String message = hold.own()
                ? "Not applied: this configuration still contains what made the route server roll back (" + hold.message()
                        + "). Fix the cause, or retry: kubectl annotate ztrs " + routeServer.getMetadata().getName()
                        + " ztix.io/retry=\"$(date +%s)\" --overwrite"
                : "Not applied: route server " + hold.routeServer() + " of the same network is " + hold.phase()
                        + " (" + hold.message() + "); the rollout resumes when it runs a healthy configuration again";
        status.lastError = message;
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, hold.own() ? "HeldAfterRollback" : "HeldByRouteServer", message);
    }

    /**
     * BIRD already runs the desired configuration: a hold or failure that ended without an apply (the change that was
     * held was undone, a held removal's JoinRequest became readable again) no longer stands. A failed rollback does:
     * BIRD still runs the configuration that hurt.
     */
    void desiredRuns() {
        Optional<Condition> applied = Conditions.find(status.conditions, RouteServer.COND_CONFIG_APPLIED);
        if (applied.isEmpty() || applied.get().isTrue() || "RollbackFailed".equals(applied.get().reason)
                || UNSUPPORTED_BIRD.equals(applied.get().reason) && !supportedBird() || status.appliedConfigHash == null) {
            return;
        }
        set(RouteServer.COND_CONFIG_APPLIED, Condition.TRUE, "Applied", "BIRD runs configuration "
                + status.appliedConfigHash.substring(0, 12) + " with " + status.peerCount + " member sessions");
    }

    /**
     * BIRD cannot run what is desired: a release ZT-IX does not render for ({@link #UNSUPPORTED_BIRD}), or a policy
     * that needs a feature this release lacks ({@link #UNSUPPORTED_FEATURE}). Nothing is applied, the running
     * configuration stays. @return true when this is news (the condition changed)
     */
    boolean birdRefuses(String conditionReason, String why) {
        String message = "Not applied: " + why + "; the running configuration stays";
        status.lastError = message;
        boolean news = !Conditions.find(status.conditions, RouteServer.COND_CONFIG_APPLIED)
                .map(c -> conditionReason.equals(c.reason) && message.equals(c.message)).orElse(false);
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, conditionReason, message);
        return news;
    }

    private boolean supportedBird() {
        try {
            return status.birdVersion != null && BirdVersion.parse(status.birdVersion).isSupported();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }


    /** BIRD runs {@code configHash} with these sessions (their states follow with the next observation). */
    void runsConfiguration(String configHash, boolean changed, Collection<PeerStatus> sessions) {
        status.lastError = null;
        status.appliedConfigHash = configHash;
        if (changed || status.lastAppliedTime == null) {
            status.lastAppliedTime = time(Instant.now(clock));
        }
        // a session that stays keeps its counters and its state (and since when) until the next poll reads them again
        Map<String, PeerStatus> before = new HashMap<>();
        status.peers.forEach(p -> before.put(p.protocol, p));
        sessions.forEach(p -> Optional.ofNullable(before.get(p.protocol)).ifPresent(b -> {
            p.imported = b.imported;
            p.filtered = b.filtered;
            p.exported = b.exported;
            p.state = b.state;
            p.since = b.since;
            p.stateSinceTime = b.stateSinceTime;
        }));
        status.peers = new ArrayList<>(sessions);
        status.peerSummary = null; // complete: the sessions of the configuration BIRD now runs
        status.peerCount = sessions.size();
        set(RouteServer.COND_CONFIG_APPLIED, Condition.TRUE, "Applied", "BIRD runs configuration " + configHash.substring(0, 12)
                + " with " + sessions.size() + " member sessions");
    }

    /**
     * The sessions BIRD runs, read from BIRD itself because the status listed only a part of them (after an operator
     * restart, above {@link io.ztix.api.routeserver.RouteServerStatus#LISTED} members): from now on they are complete.
     */
    void sessionsRebuilt(List<PeerStatus> sessions) {
        status.peers = new ArrayList<>(sessions);
        status.peerSummary = null;
    }

    /** BIRD was read: sessions of the running configuration, RTR servers, version; the route server is reachable. */
    void observed(BirdObservation observation, RpkiReport rpki) {
        observed.observed(observation, rpki);
    }

    /** How the route server's ZeroTier node reaches each member's node. */
    void memberPaths(List<MemberPath> paths) {
        observed.memberPaths(paths);
    }

    /** Why the route server is not reachable as the status says now; empty while it is (or was never tried). */
    Optional<String> unreachableReason() {
        return observed.unreachableReason();
    }

    /** @return when the route server was reachable until now (a transition), else empty */
    Optional<String> unreachable(SshException e) {
        return observed.unreachable(e);
    }

    void settling(HealthGate gate, Verdict verdict) {
        rollouts.settling(gate, verdict);
    }

    void confirmed(HealthGate gate, Verdict verdict, String message) {
        rollouts.confirmed(gate, verdict, message);
    }

    void rolledBack(HealthGate gate, Verdict verdict, String fingerprint, List<PeerStatus> previousPeers, String message) {
        rollouts.rolledBack(gate, verdict, fingerprint, previousPeers, message);
    }

    /** A refused or rolled-back configuration is no longer desired: BIRD runs the desired one, the hold ends. */
    void resolved(String message) {
        rollouts.resolved(message);
    }

    void rollbackFailed(HealthGate gate, Verdict verdict, String fingerprint, String message) {
        rollouts.rollbackFailed(gate, verdict, fingerprint, message);
    }

    /** An admin's retry / skip-health-gate annotation was acted on: the hold this route server had ends. */
    void acknowledged(String retry, String skip, boolean skipNextGate, String message) {
        rollouts.acknowledged(retry, skip, skipNextGate, message);
    }

    void applyFailed(BirdApplyException e, String configHash, boolean refused) {
        String message = "Apply failed at stage " + e.stage() + ": " + e.getMessage();
        status.lastError = message;
        set(RouteServer.COND_REACHABLE, Condition.TRUE, "Connected", "SSH answered");
        set(RouteServer.COND_CONFIG_APPLIED, Condition.FALSE, "ApplyFailed" + stageName(e), message);
        if (refused) {
            RolloutStatus rollout = rollouts.rollout(Phase.Refused, null);
            rollout.configHash = configHash;
            rollout.previousConfigHash = status.appliedConfigHash;
            rollout.message = message;
        }
    }


    /**
     * The members' IRR lists ({@code status.irr}) and whether they are all current: a pending first lookup, a failed
     * refresh (the applied lists stay), a shrunk list held for an admin or a refused AS-SET text makes IrrListsCurrent
     * false, naming the first members concerned. Not part of Ready: the route server runs the right configuration either way.
     */
    void irr(IrrPlan plan) {
        if (!plan.enabled()) {
            status.irr = null;
            status.irrSummary = null;
            if (Conditions.find(status.conditions, RouteServer.COND_IRR_LISTS_CURRENT).isPresent()) {
                set(RouteServer.COND_IRR_LISTS_CURRENT, Condition.TRUE, "NotConfigured", "This route server does not filter by IRR");
            }
            return;
        }
        status.irr = new ArrayList<>(plan.statuses());
        status.irrSummary = null; // complete again (see StatusBounds)
        for (String outcome : List.of(IrrListStatus.SHRUNK_HELD, IrrListStatus.FAILED, IrrListStatus.AS_SET_REFUSED,
                IrrListStatus.PENDING)) {
            List<IrrListStatus> concerned = plan.statuses().stream().filter(s -> outcome.equals(s.outcome)
                    || outcome.equals(IrrListStatus.AS_SET_REFUSED) && Boolean.TRUE.equals(s.asSetRefused)).toList();
            if (!concerned.isEmpty()) {
                StringBuilder message = new StringBuilder(concerned.size() + " member(s): ");
                concerned.stream().limit(3).forEach(s -> message.append(s.joinRequest).append(" (").append(s.message).append("); "));
                set(RouteServer.COND_IRR_LISTS_CURRENT, Condition.FALSE, outcome,
                        message.toString().replaceAll("; $", concerned.size() > 3 ? "; ..." : ""));
                return;
            }
        }
        set(RouteServer.COND_IRR_LISTS_CURRENT, Condition.TRUE, "Current", "Every member's IRR lists are applied");
    }

    /** Sets Ready from the other conditions; call once, last. */
    void finish() {
        String[] order = {RouteServer.COND_REACHABLE, RouteServer.COND_CONFIG_APPLIED};
        for (String type : order) {
            Optional<Condition> condition = Conditions.find(status.conditions, type);
            if (condition.isPresent() && !condition.get().isTrue()) {
                set(RouteServer.COND_READY, Condition.FALSE, condition.get().reason, condition.get().message);
                return;
            }
        }
        Optional<Condition> applied = Conditions.find(status.conditions, RouteServer.COND_CONFIG_APPLIED);
        if (pending != null || applied.isEmpty()) {
            set(RouteServer.COND_READY, Condition.FALSE, "ApplyPending", pending == null ? "Nothing applied yet" : pending);
        } else if ("Settling".equals(applied.get().reason)) {
            set(RouteServer.COND_READY, Condition.FALSE, "Settling", applied.get().message);
        } else if (!Conditions.isTrue(status.conditions, RouteServer.COND_RPKI_READY)) {
            Optional<Condition> rpki = Conditions.find(status.conditions, RouteServer.COND_RPKI_READY);
            set(RouteServer.COND_READY, Condition.FALSE, rpki.map(c -> "Rpki" + c.reason).orElse("RpkiNotObserved"),
                    rpki.map(c -> c.message).orElse("RPKI state not observed yet"));
        } else {
            status.lastError = null;
            set(RouteServer.COND_READY, Condition.TRUE, "Ready", "The route server runs the desired configuration, "
                    + "its sessions passed the health check and RPKI is in sync");
        }
    }



    private static String stageName(BirdApplyException e) {
        String stage = e.stage().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
    }

}
