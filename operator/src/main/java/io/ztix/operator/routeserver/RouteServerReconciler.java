package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdConfigRenderer;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.common.StatusSnapshot;
import io.ztix.operator.reading.UnreadableObjects;
import io.ztix.operator.joinrequest.Membership;
import io.ztix.operator.routeserver.apply.ApplyResult;
import io.ztix.operator.routeserver.apply.BirdApplier;
import io.ztix.operator.routeserver.apply.BirdApplyException;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps a BIRD route server running the configuration its network's JoinRequests call for: render,
 * compare with what runs, apply safely over SSH (batched, one route server of a network at a time), and
 * record the live BGP session states.
 */
@ControllerConfiguration(name = "routeserver")
public class RouteServerReconciler implements Reconciler<RouteServer> {

    static final String BY_NETWORK = "routeserver-by-network";
    private static final String REQUESTS = "joinrequests-of-routeservers";

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();
    private final BirdApplier applier = new BirdApplier();
    private final RouteServerConnection connection;
    private final ApplyScheduler scheduler;
    private final RouteServerMetrics metrics;
    private final EventRecorder events;
    private final UnreadableObjects unreadable;
    private final RemovalGuard guard;
    private final OperatorConfig config;
    private final RetryTracker retries = new RetryTracker();
    private final Map<String, Instant> lastSessionPoll = new ConcurrentHashMap<>();
    private final Clock clock;

    public RouteServerReconciler(RouteServerConnection connection, ApplyScheduler scheduler, RouteServerMetrics metrics,
            EventRecorder events, UnreadableObjects unreadable, RemovalGuard guard, OperatorConfig config, Clock clock) {
        this.unreadable = unreadable;
        this.guard = guard;
        this.connection = connection;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, RouteServer>> prepareEventSources(EventSourceContext<RouteServer> context) {
        context.getPrimaryCache().addIndexer(BY_NETWORK, rs -> rs.getSpec() == null ? List.of()
                : List.of(rs.getMetadata().getNamespace() + "/" + rs.getSpec().networkRef));
        var requests = InformerEventSourceConfiguration.from(JoinRequest.class, RouteServer.class)
                .withName(REQUESTS)
                .withSecondaryToPrimaryMapper(request -> Membership.networkOf(request) == null ? Set.of()
                        : context.getPrimaryCache().byIndex(BY_NETWORK, request.getMetadata().getNamespace() + "/"
                                + Membership.networkOf(request)).stream().map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                // only what the route servers render from matters: the admitted record and whether it stands
                .withOnUpdateFilter((now, before) -> !Objects.equals(rendered(now), rendered(before)))
                .build();
        return List.of(new InformerEventSource<>(requests, context));
    }

    @Override
    public UpdateControl<RouteServer> reconcile(RouteServer routeServer, Context<RouteServer> context) {
        if (unreadable.frozen(routeServer)) {
            return UpdateControl.noUpdate();
        }
        StatusSnapshot before = StatusSnapshot.of(routeServer.getStatus());
        RouteServerStatusRecorder status = new RouteServerStatusRecorder(routeServer, clock);
        Duration next = act(routeServer, requestsOfNetwork(routeServer, context), status);
        UpdateControl<RouteServer> control = before.changed(routeServer.getStatus())
                ? UpdateControl.patchStatus(routeServer) : UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }

    private Duration act(RouteServer routeServer, List<JoinRequest> requests, RouteServerStatusRecorder status) {
        DesiredConfig desired;
        String rendered;
        try {
            desired = DesiredConfig.of(routeServer, requests);
            rendered = renderer.render(desired.model());
        } catch (IllegalArgumentException e) {
            status.invalid("The configuration cannot be built: " + e.getMessage());
            events.warning(routeServer, "InvalidConfiguration", e.getMessage());
            return null;
        }
        String hash = BirdConfigRenderer.sha256(rendered);
        boolean change = !status.runs(hash);
        if (change) {
            List<String> held = guard.undecidedRemovals(routeServer, desired, requests);
            if (!held.isEmpty()) {
                if (status.removalHeld(held)) {
                    events.warning(routeServer, "MemberRemovalHeld", "Not applied: the new configuration drops "
                            + String.join(", ", held) + " although no decision removed them (being deleted, deleted, "
                            + "rejected or approval withdrawn); the running configuration stays");
                }
                return config.applyInterval();
            }
            Optional<ApplyScheduler.Rejection> rejected = scheduler.rejectedElsewhere(routeServer, hash);
            if (rejected.isPresent()) {
                status.held(rejected.get());
                return config.applyInterval();
            }
            Optional<Duration> wait = scheduler.waitBeforeApply(routeServer, hash);
            if (wait.isPresent()) {
                status.waiting("A new configuration with " + desired.sessionsByProtocol().size()
                        + " member sessions is waiting to be applied");
                return wait.get();
            }
        }
        if (!change) {
            Instant lastPoll = lastSessionPoll.get(routeServer.getMetadata().getUid());
            Duration sincePoll = lastPoll == null ? null : Duration.between(lastPoll, Instant.now(clock));
            if (sincePoll != null && sincePoll.compareTo(config.sessionPollInterval()) < 0) {
                return config.sessionPollInterval().minus(sincePoll);
            }
        }
        String rejection = null;
        try (SshSession session = connection.open(routeServer)) {
            metrics.sessionOpened(routeServer);
            if (change) {
                ApplyResult result = applier.apply(session, RouteServerConnection.bird(routeServer), rendered);
                metrics.applied(routeServer, result.outcome() == ApplyResult.Outcome.APPLIED ? "applied" : "unchanged");
                if (result.outcome() == ApplyResult.Outcome.APPLIED) {
                    events.normal(routeServer, "ConfigApplied", "BIRD reconfigured with " + desired.sessionsByProtocol().size()
                            + " member sessions (configuration " + hash.substring(0, 12) + ")");
                }
            }
            Map<String, PeerStatus> sessions = desired.sessionsByProtocol();
            status.applied(hash, change, sessions);
            status.sessionStates(sessions, applier.sessionStates(session, RouteServerConnection.bird(routeServer)));
            retries.succeeded(routeServer);
            lastSessionPoll.put(routeServer.getMetadata().getUid(), Instant.now(clock));
            return config.sessionPollInterval();
        } catch (BirdApplyException e) {
            rejection = e.getMessage();
            metrics.applied(routeServer, "failed");
            status.applyFailed(e);
            events.warning(routeServer, "ApplyFailed", "Stage " + e.stage() + ": " + e.getMessage());
        } catch (SshException e) {
            status.sshFailed(e);
            events.warning(routeServer, "Unreachable", e.getMessage());
        } catch (SecretUnavailableException e) {
            status.secretUnavailable(e.getMessage());
        } catch (IllegalArgumentException e) {
            status.invalid(e.getMessage());
            events.warning(routeServer, "InvalidConfiguration", e.getMessage());
            return null;
        } finally {
            if (change) {
                scheduler.finished(routeServer, hash, rejection);
            }
        }
        return retries.nextDelay(routeServer, config.backoff(), null);
    }

    private static List<JoinRequest> requestsOfNetwork(RouteServer routeServer, Context<RouteServer> context) {
        @SuppressWarnings("unchecked")
        var source = (InformerEventSource<JoinRequest, RouteServer>) context.eventSourceRetriever()
                .getEventSourceFor(JoinRequest.class, REQUESTS);
        return source.list(routeServer.getMetadata().getNamespace(),
                r -> routeServer.getSpec().networkRef.equals(Membership.networkOf(r))).toList();
    }

    private static String rendered(JoinRequest request) {
        return Membership.onRouteServers(request).map(Serialization::asJson).orElse("");
    }
}
