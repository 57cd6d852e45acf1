package io.ztix.operator.routeserver;

import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RolloutStatus;
import io.ztix.api.routeserver.RolloutStatus.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.RenderedConfig;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.routeserver.apply.ApplyResult;
import io.ztix.operator.routeserver.apply.BirdApplier;
import io.ztix.operator.routeserver.apply.BirdApplyException;
import io.ztix.operator.routeserver.apply.BirdTarget;
import io.ztix.operator.routeserver.gate.GateSettings;
import io.ztix.operator.routeserver.gate.HarmFingerprint;
import io.ztix.operator.routeserver.gate.HealthGate;
import io.ztix.operator.routeserver.gate.Verdict;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.ssh.SshSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applying and the health gate: apply over the open session, plan the check from the sessions Established just
 * before, judge it now and on later reconciliations (without sleeping: the reconciler is rescheduled), and roll the
 * route server back to {@code .previous} when the change dropped sessions of several members. A refused or
 * rolled-back configuration holds the other route servers of the network ({@link ApplyScheduler}).
 */
@ApplicationScoped
public class RouteServerRollout {

    private final BirdApplier applier = new BirdApplier();
    private final ApplyScheduler scheduler;
    private final RouteServerObservations observations;
    private final RouteServerMetrics metrics;
    private final EventRecorder events;
    private final OperatorConfig config;
    private final GateSettings settings;
    private final Clock clock;

    public RouteServerRollout(ApplyScheduler scheduler, RouteServerObservations observations, RouteServerMetrics metrics,
            EventRecorder events, OperatorConfig config, Clock clock) {
        this.scheduler = scheduler;
        this.observations = observations;
        this.metrics = metrics;
        this.events = events;
        this.config = config;
        this.settings = new GateSettings(config.applySettleTime(), config.rollbackMinMembers(), config.rollbackMinPercent());
        this.clock = clock;
    }

    /** The check in progress: remembered, or (after an operator restart) resumed from status.rollout. */
    Optional<ApplyScheduler.PendingCheck> pendingCheck(RouteServer routeServer, RouteServerStatusRecorder status) {
        Optional<ApplyScheduler.PendingCheck> remembered = scheduler.pendingCheck(routeServer);
        if (remembered.isPresent()) {
            return remembered;
        }
        RolloutStatus rollout = status.rollout().orElse(null);
        if (rollout == null || rollout.phase != Phase.Settling || !status.runs(rollout.configHash)
                || !scheduler.takeSlotForCheck(routeServer)) {
            return Optional.empty();
        }
        HealthGate gate = new HealthGate(rollout.configHash, rollout.previousConfigHash, Instant.parse(rollout.startedTime),
                Instant.parse(rollout.deadlineTime), rollout.establishedBefore == null ? 0 : rollout.establishedBefore,
                new HashSet<>(rollout.watchedSessions));
        scheduler.startCheck(routeServer, gate, null, null);
        return scheduler.pendingCheck(routeServer);
    }

    /**
     * BIRD runs the desired configuration: a configuration that was refused or rolled back is no longer wanted (the
     * admin fixed the spec, or what it added is gone), so this route server no longer holds its network.
     */
    void desiredIsRunning(RouteServer routeServer, RouteServerStatusRecorder status) {
        RolloutStatus rollout = status.rollout().orElse(null);
        if (rollout != null && (rollout.phase == Phase.RolledBack || rollout.phase == Phase.Refused)) {
            String message = "the " + rollout.phase + " configuration is no longer desired; BIRD runs the desired one";
            status.resolved(message);
            scheduler.clearHold(routeServer);
            events.normal(routeServer, "RolloutResumed", "Route server " + routeServer.getMetadata().getName() + ": "
                    + message + "; the other route servers of the network may apply again");
        }
    }

    /**
     * Applies the planned configuration. Empty when that is settled (unchanged, or confirmed at once); else the
     * delay to the next look, with the network's slot kept for the check.
     */
    Optional<Duration> applyAndCheck(RouteServer routeServer, SshSession session, BirdTarget target,
            BirdObservation before, RouteServerCycle.Planned plan, RouteServerStatusRecorder status) {
        RenderedConfig rendered = plan.rendered();
        RenderedConfig running = scheduler.running(routeServer, String.valueOf(routeServer.getStatus().appliedConfigHash)).orElse(null);
        List<PeerStatus> previousPeers = List.copyOf(routeServer.getStatus().peers);
        boolean skipGate = status.rollout().map(r -> Boolean.TRUE.equals(r.skipHealthGateOnNextApply)).orElse(false);
        ApplyResult result = applier.apply(session, target, rendered.text());
        scheduler.attempted(routeServer);
        boolean applied = result.outcome() == ApplyResult.Outcome.APPLIED;
        metrics.applied(routeServer, applied ? "applied" : "unchanged");
        status.runsConfiguration(rendered.sha256(), applied, plan.sessions().values());
        if (!applied) {
            observations.record(routeServer, before, plan, status);
            scheduler.running(routeServer, rendered);
            scheduler.checkEnded(routeServer, true);
            return Optional.empty();
        }
        events.normal(routeServer, "ConfigApplied", "BIRD reconfigured with " + plan.sessions().size()
                + " member sessions (configuration " + rendered.sha256().substring(0, 12) + ")" + heldNote(plan, previousPeers));
        HealthGate gate = HealthGate.plan(rendered, result.previousSha256(), running, notSuspended(before.established(), plan),
                Instant.now(clock), settings);
        if (skipGate) {
            conclude(routeServer, gate, new Verdict(Verdict.Outcome.CONFIRMED, List.of(), 0), rendered, status,
                    "health check skipped on request (ztix.io/skip-health-gate)", "skipped");
            return Optional.empty();
        }
        // pending before the next look, so that a route server lost right now is still checked when it is back
        scheduler.startCheck(routeServer, gate, previousPeers, rendered);
        status.settling(gate, new Verdict(Verdict.Outcome.WAIT, List.copyOf(gate.watched()), 0));
        BirdObservation after = observations.observe(routeServer, session, target, plan, status);
        return continueCheck(routeServer, session, target, scheduler.pendingCheck(routeServer).orElseThrow(), after, plan, status);
    }

    /** Judges the pending check on this observation; empty when it concluded. */
    Optional<Duration> continueCheck(RouteServer routeServer, SshSession session, BirdTarget target,
            ApplyScheduler.PendingCheck check, BirdObservation observation, RouteServerCycle.Planned plan,
            RouteServerStatusRecorder status) {
        HealthGate gate = check.gate();
        Instant now = observation.observedAt();
        Verdict verdict = gate.evaluate(observation.established(), plan.memberOf(), now, settings);
        RenderedConfig applied = check.applied() != null ? check.applied()
                : plan.rendered().sha256().equals(gate.configHash()) ? plan.rendered() : null;
        switch (verdict.outcome()) {
            case WAIT -> {
                status.settling(gate, verdict);
                Duration left = Duration.between(now, gate.deadline());
                return Optional.of(left.compareTo(config.applySettleCheckInterval()) < 0 && !left.isNegative()
                        ? left.plusMillis(50) : config.applySettleCheckInterval());
            }
            case CONFIRMED -> conclude(routeServer, gate, verdict, applied, status, gate.watched().isEmpty()
                    ? "no Established session was touched by the change" : "every session the change touched is Established",
                    "confirmed");
            case CONFIRMED_WITH_LOSSES -> {
                String message = verdict.dropped().size() + " session(s) of " + verdict.droppedMembers() + " member(s) "
                        + "did not come back within " + config.applySettleTime().toSeconds() + " s (" + list(verdict)
                        + "); below the rollback trigger (" + settings.minMembers() + " members and " + settings.minPercent()
                        + " % of " + gate.establishedBefore() + " sessions), so treated as the members' own routers";
                conclude(routeServer, gate, verdict, applied, status, message, "confirmed_with_losses");
                events.normal(routeServer, "HealthCheckPassedWithLosses", message);
            }
            case ROLL_BACK -> rollBack(routeServer, session, target, check, verdict, applied, plan, status);
        }
        return Optional.empty();
    }

    private void rollBack(RouteServer routeServer, SshSession session, BirdTarget target, ApplyScheduler.PendingCheck check,
            Verdict verdict, RenderedConfig applied, RouteServerCycle.Planned plan, RouteServerStatusRecorder status) {
        HealthGate gate = check.gate();
        List<String> listed = verdict.dropped().subList(0, Math.min(RolloutStatusRecorder.LISTED_SESSIONS, verdict.dropped().size()));
        String fingerprint = applied == null ? null : HarmFingerprint.of(applied, listed);
        String why = verdict.dropped().size() + " of " + gate.establishedBefore() + " Established sessions (" + verdict.droppedMembers()
                + " members) were down " + config.applySettleTime().toSeconds() + " s after configuration "
                + gate.configHash().substring(0, 12) + " was applied: " + list(verdict);
        try {
            applier.rollBack(session, target, gate.configHash(), gate.previousConfigHash());
        } catch (BirdApplyException e) {
            String message = why + "; ROLLING BACK FAILED: " + e.getMessage();
            status.rollbackFailed(gate, verdict, fingerprint, message);
            metrics.healthCheck(routeServer, "rollback_failed");
            events.warning(routeServer, "RollbackFailed", message);
            scheduler.hold(routeServer, Phase.RollbackFailed, message);
            scheduler.checkEnded(routeServer, false);
            return;
        }
        String message = why + "; rolled back to the previous configuration" + (gate.previousConfigHash() == null ? ""
                : " " + gate.previousConfigHash().substring(0, 12)) + " and held from the other route servers of the network";
        BirdObservation after = observations.read(session, target, plan);
        List<PeerStatus> previousPeers = check.previousPeers() != null ? check.previousPeers()
                : RouteServerObservations.present(routeServer.getStatus().peers, after);
        status.rolledBack(gate, verdict, fingerprint, previousPeers, message);
        observations.record(routeServer, after, plan, status);
        metrics.healthCheck(routeServer, "rolled_back");
        events.warning(routeServer, "RolledBack", message);
        scheduler.hold(routeServer, Phase.RolledBack, message);
        scheduler.checkEnded(routeServer, false);
    }

    private void conclude(RouteServer routeServer, HealthGate gate, Verdict verdict, RenderedConfig applied,
            RouteServerStatusRecorder status, String message, String result) {
        status.confirmed(gate, verdict, message);
        metrics.healthCheck(routeServer, result);
        if (applied != null) {
            scheduler.running(routeServer, applied);
        }
        scheduler.checkEnded(routeServer, true);
    }

    /** BIRD refused the configuration (or the apply failed before it was live): the status and, if refused, a hold. */
    void applyFailed(RouteServer routeServer, BirdApplyException e, RouteServerCycle.Planned plan, RouteServerStatusRecorder status) {
        scheduler.attempted(routeServer);
        metrics.applied(routeServer, "failed");
        boolean refused = switch (e.stage()) {
            case CHECK, CONFIGURE, CONFIRM -> true;
            default -> false;
        };
        status.applyFailed(e, plan.rendered().sha256(), refused);
        events.warning(routeServer, "ApplyFailed", "Stage " + e.stage() + ": " + e.getMessage());
        if (refused) {
            scheduler.hold(routeServer, Phase.Refused, e.getMessage());
        }
    }

    /** Sessions of suspended members go down on purpose: they are not what the health check watches. */
    private static Set<String> notSuspended(Set<String> established, RouteServerCycle.Planned plan) {
        Set<String> suspended = plan.desired().model().suspendedMembers();
        return established.stream().filter(p -> !suspended.contains(plan.memberOf().get(p))).collect(Collectors.toSet());
    }

    private static String heldNote(RouteServerCycle.Planned plan, List<PeerStatus> previousPeers) {
        Set<String> wasHeld = new HashSet<>();
        previousPeers.stream().filter(p -> Boolean.TRUE.equals(p.held)).forEach(p -> wasHeld.add(p.joinRequest));
        Set<String> newlyHeld = new HashSet<>(plan.held());
        newlyHeld.removeAll(wasHeld);
        return newlyHeld.isEmpty() ? "" : "; held until an RTR server is in sync: " + String.join(", ", new TreeSet<>(newlyHeld));
    }

    private static String list(Verdict verdict) {
        List<String> dropped = verdict.dropped();
        return String.join(", ", dropped.subList(0, Math.min(5, dropped.size()))) + (dropped.size() > 5 ? ", ..." : "");
    }
}
