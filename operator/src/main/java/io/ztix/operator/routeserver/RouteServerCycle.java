package io.ztix.operator.routeserver;

import io.ztix.api.common.ApiGroup;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RolloutStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.bird.BirdConfigRenderer;
import io.ztix.operator.bird.BirdRenderException;
import io.ztix.operator.bird.Member;
import io.ztix.operator.bird.RenderedConfig;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.irr.IrrRegistry;
import io.ztix.operator.routeserver.apply.BirdApplyException;
import io.ztix.operator.routeserver.apply.BirdTarget;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import io.ztix.operator.routeserver.gate.HarmFingerprint;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One reconciliation of a RouteServer: decide what it should run ({@link RouteServerPlanner}: members, RPKI hold,
 * BIRD version; {@link BirdRefusals} when that BIRD cannot run it), whether it may apply now
 * (batching, one at a time per network, holds), then over one SSH session observe BIRD, and either go on with a
 * pending health check, or apply and start one ({@link RouteServerRollout}), or just record the observation.
 */
@ApplicationScoped
public class RouteServerCycle {

    private static final Logger LOG = Logger.getLogger(RouteServerCycle.class);

    private final RouteServerPlanner planner;
    private final RouteServerConnection connection;
    private final ApplyScheduler scheduler;
    private final RouteServerMetrics metrics;
    private final EventRecorder events;
    private final OperatorConfig config;
    private final RouteServerObservations observations;
    private final RouteServerRollout rollout;
    private final RemovalGuard guard;
    private final BirdRefusals refusals;
    private final RetryTracker retries = new RetryTracker();
    private final Map<String, Instant> lastObservation = new ConcurrentHashMap<>();
    private final Clock clock;

    public RouteServerCycle(RouteServerConnection connection, ApplyScheduler scheduler, RouteServerMetrics metrics,
            EventRecorder events, OperatorConfig config, RouteServerObservations observations, RouteServerRollout rollout,
            RemovalGuard guard, IrrRegistry irr, BirdConfigRenderer renderer, Clock clock) {
        this.planner = new RouteServerPlanner(renderer, irr);
        this.connection = connection;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.events = events;
        this.config = config;
        this.observations = observations;
        this.rollout = rollout;
        this.guard = guard;
        this.refusals = new BirdRefusals(events);
        this.clock = clock;
    }

    /** @return when to reconcile again; null: only on the next change */
    Duration run(RouteServer routeServer, List<JoinRequest> requests, Collection<RouteServer> siblings, Set<String> existing) {
        RouteServerStatusRecorder status = new RouteServerStatusRecorder(routeServer, clock);
        String appliedBefore = conditionReason(routeServer, RouteServer.COND_CONFIG_APPLIED);
        String irrBefore = conditionReason(routeServer, RouteServer.COND_IRR_LISTS_CURRENT);
        try {
            return act(routeServer, requests, siblings, existing, status);
        } finally {
            status.finish();
            String irrNow = conditionReason(routeServer, RouteServer.COND_IRR_LISTS_CURRENT);
            if (!List.of("", "Current", "NotConfigured", "Pending").contains(irrNow) && !irrNow.equals(irrBefore)) {
                events.warning(routeServer, "IrrLists" + irrNow, Conditions.find(routeServer.getStatus().conditions,
                        RouteServer.COND_IRR_LISTS_CURRENT).map(c -> c.message).orElse(""));
            }
            String appliedNow = conditionReason(routeServer, RouteServer.COND_CONFIG_APPLIED);
            if (appliedNow.startsWith("Held") && !appliedNow.equals(appliedBefore)) {
                events.warning(routeServer, appliedNow, routeServer.getStatus().lastError);
            }
            metrics.rolloutHeld(routeServer, appliedNow.startsWith("Held"));
        }
    }

    private Duration act(RouteServer routeServer, List<JoinRequest> requests, Collection<RouteServer> siblings,
            Set<String> existing, RouteServerStatusRecorder status) {
        acknowledgeAnnotations(routeServer, status);
        Planned plan;
        BirdTarget target;
        try {
            plan = planner.plan(routeServer, requests);
            target = RouteServerConnection.bird(routeServer);
            status.irr(plan.irr());
        } catch (IllegalArgumentException | BirdRenderException e) {
            status.invalid("The configuration cannot be built: " + e.getMessage());
            events.warning(routeServer, "InvalidConfiguration", e.getMessage());
            return null;
        }
        Optional<ApplyScheduler.PendingCheck> check = rollout.pendingCheck(routeServer, status);
        // a policy this BIRD cannot run is refused: nothing is applied until the spec or the BIRD changes
        boolean refused = plan.unsupported().isPresent();
        if (refused && plan.version().toString().equals(routeServer.getStatus().birdVersion)) {
            refusals.refuseFeature(routeServer, plan, status);
        }
        boolean change = !refused && check.isEmpty() && !status.runs(plan.rendered().sha256());
        if (!refused && !change && check.isEmpty()) {
            scheduler.running(routeServer, plan.rendered());
            rollout.desiredIsRunning(routeServer, status);
            status.desiredRuns();
        }
        Duration next = pollDelay(routeServer, plan);
        boolean applyNow = false;
        // after a restart the status may list only a part of the sessions BIRD runs: nothing is applied (it could
        // drop a member unseen) until the observation below has read them all
        boolean partial = RouteServerDetails.partial(routeServer.getStatus());
        List<String> undecided = change && !partial ? guard.undecidedRemovals(routeServer, plan.desired(), requests) : List.of();
        if (change && partial) {
            status.waiting("A new configuration with " + plan.sessions().size() + " member sessions waits until the "
                    + "sessions BIRD runs were read once since the operator started");
            next = min(next, config.applyInterval());
        } else if (!undecided.isEmpty()) {
            if (status.removalHeld(undecided)) {
                events.warning(routeServer, "MemberRemovalHeld", "Not applied: the new configuration drops "
                        + String.join(", ", undecided) + " although no decision removed them (being deleted, deleted, "
                        + "rejected or approval withdrawn); the running configuration stays");
            }
            next = min(next, config.applyInterval());
        } else if (change) {
            RolloutStatus last = status.rollout().orElse(null);
            String fingerprint = last == null ? null : HarmFingerprint.of(plan.rendered(), last.droppedSessions);
            Optional<ApplyScheduler.Hold> hold = scheduler.holdFor(routeServer, siblings, fingerprint);
            if (hold.isPresent()) {
                LOG.debugf("%s: held %s", ApplyScheduler.key(routeServer), hold.get());
                status.held(hold.get());
                next = min(next, config.applyInterval());
            } else {
                Optional<Duration> wait = scheduler.waitBeforeApply(routeServer, plan.rendered().sha256(), existing,
                        PendingAdmissions.any(requests));
                LOG.debugf("%s: change to %s, wait %s", ApplyScheduler.key(routeServer), plan.rendered().sha256(), wait);
                if (wait.isPresent()) {
                    status.waiting("A new configuration with " + plan.sessions().size()
                            + " member sessions is waiting to be applied");
                    next = min(next, wait.get());
                } else {
                    applyNow = true;
                }
            }
        }
        boolean pollDue = observationDue(routeServer, plan);
        if (!applyNow && check.isEmpty() && !pollDue) {
            return next;
        }
        try (SshSession session = connection.open(routeServer)) {
            metrics.sessionOpened(routeServer);
            // route counters and members' paths at the poll's cadence, not on every look of a health check
            var observation = observations.observe(routeServer, session, target, plan, status, pollDue);
            retries.succeeded(routeServer);
            if (pollDue) {
                lastObservation.put(ApplyScheduler.key(routeServer), observation.observedAt());
            }
            Optional<Duration> after = Optional.of(next);
            if (check.isPresent()) {
                after = rollout.continueCheck(routeServer, session, target, check.get(), observation, plan, status);
            } else {
                boolean apply = applyNow; // the finally below still releases the slot taken for applyNow
                BirdVersion version = observation.birdVersion();
                boolean releaseRefused = refusals.refusesRelease(routeServer, version, status);
                if (releaseRefused) {
                    apply = false;
                } else if (!version.equals(plan.version())) {
                    // first contact or BIRD was upgraded: render for the version it runs (same members, same decisions)
                    plan = planner.plan(routeServer, requests);
                    if (plan.unsupported().isEmpty() && (!applyNow || status.runs(plan.rendered().sha256()))) {
                        if (status.runs(plan.rendered().sha256())) {
                            scheduler.running(routeServer, plan.rendered());
                            rollout.desiredIsRunning(routeServer, status);
                            status.desiredRuns();
                        }
                        after = Optional.of(applyNow ? next : min(next, config.applyInterval()));
                        apply = false;
                    }
                } else if (!change && !refused) {
                    status.desiredRuns(); // ends a refusal of an unsupported BIRD once a supported one runs the desired config
                }
                if (!releaseRefused && plan.unsupported().isPresent()) {
                    refusals.refuseFeature(routeServer, plan, status);
                    apply = false;
                }
                if (apply) {
                    after = rollout.applyAndCheck(routeServer, session, target, observation, plan, status);
                }
            }
            // also when the configuration now has members without a path (an apply added them): their sessions
            // and paths then reach the JoinRequests in one RouteServer status write, not one write each
            List<Member> members = plan.desired().model().members();
            if (pollDue || observations.pathsMissing(routeServer, members)) {
                observations.paths(routeServer, session, members, status);
            }
            return after.orElse(pollDelay(routeServer, plan));
        } catch (BirdApplyException e) {
            rollout.applyFailed(routeServer, e, plan, status);
        } catch (SshException e) {
            observations.unreachable(routeServer, e, status);
            // back off, but look at least every poll interval, so that recovery is seen (and reported) soon
            return min(retries.nextDelay(routeServer, config.backoff(), null), pollInterval(plan));
        } catch (SecretUnavailableException e) {
            status.secretUnavailable(e.getMessage());
            metrics.observeFailed(routeServer, "key_secret");
        } finally {
            if (applyNow && scheduler.pendingCheck(routeServer).isEmpty()) {
                scheduler.release(routeServer); // a started health check keeps the network's slot
            }
        }
        return retries.nextDelay(routeServer, config.backoff(), null);
    }

    /**
     * Acts on a new value of ztix.io/retry (ends this route server's hold) or ztix.io/skip-health-gate (also makes
     * the next apply skip the health check).
     */
    private void acknowledgeAnnotations(RouteServer routeServer, RouteServerStatusRecorder status) {
        Map<String, String> annotations = routeServer.getMetadata().getAnnotations() == null ? Map.of()
                : routeServer.getMetadata().getAnnotations();
        String retry = annotations.get(ApiGroup.RETRY_ANNOTATION);
        String skip = annotations.get(ApiGroup.SKIP_HEALTH_GATE_ANNOTATION);
        RolloutStatus last = status.rollout().orElse(null);
        String retried = last == null ? null : last.acknowledgedRetry;
        String skipped = last == null ? null : last.acknowledgedSkipHealthGate;
        boolean newRetry = retry != null && !retry.equals(retried);
        boolean newSkip = skip != null && !skip.equals(skipped);
        if (!newRetry && !newSkip) {
            return;
        }
        String message = newSkip ? "Skip of the health gate requested (" + ApiGroup.SKIP_HEALTH_GATE_ANNOTATION + "="
                + skip + "): the next apply is not health-checked" : "Retry requested (" + ApiGroup.RETRY_ANNOTATION + "="
                + retry + "): the desired configuration is applied again, health-checked";
        status.acknowledged(retry == null ? retried : retry, skip == null ? skipped : skip, newSkip, message);
        scheduler.clearHold(routeServer);
        events.normal(routeServer, newSkip ? "HealthGateSkipRequested" : "RetryRequested", message);
    }

    private boolean observationDue(RouteServer routeServer, Planned plan) {
        Instant last = lastObservation.get(ApplyScheduler.key(routeServer));
        return last == null || !Instant.now(clock).isBefore(last.plus(pollInterval(plan)));
    }

    private Duration pollDelay(RouteServer routeServer, Planned plan) {
        Instant last = lastObservation.get(ApplyScheduler.key(routeServer));
        if (last == null) {
            return pollInterval(plan);
        }
        Duration remaining = Duration.between(Instant.now(clock), last.plus(pollInterval(plan)));
        return remaining.isNegative() || remaining.isZero() ? Duration.ofMillis(100) : remaining;
    }

    /** Faster while members are held for RPKI or RPKI is not in sync, so they are released soon after it syncs. */
    private Duration pollInterval(Planned plan) {
        return plan.held().isEmpty() ? config.sessionPollInterval() : min(config.sessionPollInterval(), config.rpkiHoldPollInterval());
    }

    /** Forgets what was remembered about a deleted route server. */
    void forget(String namespacedName) {
        lastObservation.remove(namespacedName);
        scheduler.forget(namespacedName);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String conditionReason(RouteServer routeServer, String type) {
        return routeServer.getStatus() == null ? "" : Conditions.find(routeServer.getStatus().conditions, type)
                .map(c -> c.reason).orElse("");
    }

    /**
     * What one reconciliation wants the route server to run, rendered for {@code version}; {@code unsupported}: why
     * that BIRD cannot run the spec's policy (then {@code rendered} lacks the feature and must not be applied);
     * {@code irr}: the members' IRR lists as the registry has them.
     */
    record Planned(DesiredConfig desired, RenderedConfig rendered, Map<String, PeerStatus> sessions, Map<String, String> memberOf,
            Set<String> held, BirdVersion version, Optional<String> unsupported, IrrPlan irr) {
    }
}
