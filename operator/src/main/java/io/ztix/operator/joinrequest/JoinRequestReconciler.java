package io.ztix.operator.joinrequest;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ztix.api.common.ApiGroup;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.StatusSnapshot;
import io.ztix.operator.recheck.MemberChecks;
import io.ztix.operator.reading.UnreadableObjects;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives a JoinRequest: validate, follow (or, for AutoForVerified networks, make) the decision, put an
 * approved member on the ZeroTier network with its addresses, follow the route servers until the member
 * is configured everywhere, and take the member off again on revocation or deletion.
 */
// Not generation-aware: the admin annotations (retry, force-delete) change metadata only and must be seen.
@ControllerConfiguration(name = "joinrequest", finalizerName = JoinRequestReconciler.FINALIZER,
        generationAwareEventProcessing = false)
public class JoinRequestReconciler implements Reconciler<JoinRequest>, Cleaner<JoinRequest> {

    public static final String FINALIZER = "ztix.io/member-cleanup";
    public static final String AUTO_APPROVER = "ztix-operator (AutoForVerified)";
    static final String BY_NETWORK = "joinrequest-by-network";
    static final String BY_NODE = "joinrequest-by-node";
    private static final String NETWORKS = "networks-of-joinrequests";
    private static final String ROUTE_SERVERS = "routeservers-of-joinrequests";

    private final MemberProvisioner provisioner;
    private final EventRecorder events;
    private final OperatorConfig config;
    private final Clock clock;
    private final RetryTracker retries = new RetryTracker();
    private final MembershipMetrics metrics;
    private final UnreadableObjects unreadable;
    private final RequestsOutOfReach outOfReach;
    private final NodeOwnership ownership = new NodeOwnership();
    private final Admission admission;
    private final Upkeep upkeep;
    private final KubernetesApiErrors apiErrors;
    private final RouteServerDetails details;
    private final MemberCheckUpkeep memberChecks;

    public JoinRequestReconciler(MemberProvisioner provisioner, EventRecorder events, MembershipMetrics metrics,
            UnreadableObjects unreadable, RequestsOutOfReach outOfReach, MemberChecks checks, OperatorConfig config,
            Clock clock, RouteServerDetails details) {
        this.provisioner = provisioner;
        this.details = details;
        this.unreadable = unreadable;
        this.outOfReach = outOfReach;
        this.metrics = metrics;
        this.events = events;
        this.config = config;
        this.clock = clock;
        MemberVerifications verifications = new MemberVerifications();
        MemberRemoval removal = new MemberRemoval(provisioner, verifications, ownership, events);
        this.admission = new Admission(provisioner, removal, ownership, events, config, retries, verifications, clock);
        this.upkeep = new Upkeep(provisioner, removal, events, config, retries, verifications, clock);
        this.apiErrors = new KubernetesApiErrors(events, config, retries, clock);
        this.memberChecks = new MemberCheckUpkeep(checks, events);
    }

    @Override
    public List<EventSource<?, JoinRequest>> prepareEventSources(EventSourceContext<JoinRequest> context) {
        metrics.readFrom(context.getPrimaryCache());
        context.getPrimaryCache().addIndexer(BY_NETWORK, request -> networksOf(request).stream()
                .map(network -> networkKey(request.getMetadata().getNamespace(), network)).toList());
        context.getPrimaryCache().addIndexer(BY_NODE, request -> nodeKey(request).stream().toList());
        var networks = InformerEventSourceConfiguration.from(ZtNetwork.class, JoinRequest.class)
                .withName(NETWORKS)
                .withSecondaryToPrimaryMapper(network -> requestsOf(context, network.getMetadata().getNamespace(),
                        network.getMetadata().getName()))
                .withPrimaryToSecondaryMapper((JoinRequest request) -> Membership.networkOf(request) == null ? Set.of()
                        : Set.of(new ResourceID(Membership.networkOf(request), request.getMetadata().getNamespace())))
                // counters and member counts change often and mean nothing to a request
                .withOnUpdateFilter(NetworkChanges::mattersToRequests)
                .build();
        var routeServers = InformerEventSourceConfiguration.from(RouteServer.class, JoinRequest.class)
                .withName(ROUTE_SERVERS)
                .withSecondaryToPrimaryMapper(rs -> rs.getSpec() == null ? Set.of()
                        : requestsOf(context, rs.getMetadata().getNamespace(), rs.getSpec().networkRef))
                // "waiting" messages, conditions and health mean nothing to a request; sessions and paths do
                .withOnUpdateFilter(RouteServerChanges::mattersToRequests)
                .build();
        var networkSource = new InformerEventSource<>(networks, context);
        var routeServerSource = new InformerEventSource<>(routeServers, context);
        unreadable.count("JoinRequest", () -> context.getPrimaryCache().list());
        unreadable.count("ZtNetwork", networkSource::list);
        unreadable.count("RouteServer", routeServerSource::list);
        outOfReach.watch(context.getPrimaryCache()); // reconcile never sees a request the API refuses the finalizer on
        return List.of(networkSource, routeServerSource);
    }

    @Override
    public UpdateControl<JoinRequest> reconcile(JoinRequest request, Context<JoinRequest> context) {
        if (unreadable.frozen(request)) {
            return UpdateControl.noUpdate();
        }
        StatusSnapshot before = StatusSnapshot.of(request.getStatus());
        Phase phaseBefore = request.getStatus() == null ? null : request.getStatus().phase;
        boolean admittedBefore = request.getStatus() != null && request.getStatus().admitted != null;
        JoinRequestStatusRecorder status = new JoinRequestStatusRecorder(request, clock);
        String degradedBefore = status.degradedReason();
        Duration next = null;

        if (retryRequested(request)) {
            clearRetryAnnotation(request, context);
            status.retrying();
            events.normal(request, "Retrying", "An admin asked to retry the failed request");
        }
        List<String> problems = JoinRequestValidator.problems(request);
        Optional<ZtNetwork> network = context.getSecondaryResource(ZtNetwork.class, NETWORKS);
        if (problems.isEmpty()) {
            migrate(request, status);
        }
        if (request.getStatus().admitted != null) {
            next = upkeep.keep(request, problems, network, routeServersOf(request, context), peers(request, context), status);
            if (Membership.onRouteServers(request).isPresent()) {
                memberChecks.record(request, network, status);
            }
        } else if (status.isFailed() && failedAtThisGeneration(request)) {
            // A permanent failure stays until an admin retries or the spec changes.
        } else if (!problems.isEmpty()) {
            status.invalid(String.join("; ", problems));
            warnOnChange(before, request, "InvalidSpec", String.join("; ", problems));
        } else if (network.isEmpty()) {
            status.networkMissing(request.getSpec().networkRef);
            warnOnChange(before, request, "NetworkNotFound", "ZtNetwork '" + request.getSpec().networkRef + "' does not exist");
        } else {
            status.valid();
            Approval approval = ApprovalDecision.follow(request, network.get(), context.getClient(), events);
            next = admission.act(request, approval, network.get(), routeServersOf(request, context),
                    peers(request, context), new NodeClaimLeases(context.getClient()), status);
            if (status.inNodeIdConflict()) {
                warnOnChange(before, request, "NodeIdConflict", request.getStatus().lastError);
            }
        }

        if (status.phase() != phaseBefore && !(status.phase() == Phase.Provisioning && admittedNow(admittedBefore, request))) {
            announcePhase(request, status.phase());
        }
        announceDegradation(request, degradedBefore, status);
        metrics.network(request.getMetadata().getNamespace(), Membership.networkOf(request));
        UpdateControl<JoinRequest> control = before.changed(request.getStatus())
                ? UpdateControl.patchStatus(request) : UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }

    /** Requests admitted before admitted records existed get one on first sight, so an upgrade drops nobody. */
    private void migrate(JoinRequest request, JoinRequestStatusRecorder status) {
        AdmittedMember migrated = AdmissionTerms.migrated(request, clock);
        if (migrated != null) {
            status.admitted(migrated);
            events.normal(request, "AdmissionRecorded", "Recorded what was admitted before this version: AS"
                    + migrated.asn + " node " + migrated.nodeId + " with " + migrated.ipv6
                    + (migrated.ipv4 == null ? "" : " and " + migrated.ipv4));
        }
    }

    /** This reconciliation admitted the request: its "Admitted" event already says it is being provisioned. */
    private static boolean admittedNow(boolean admittedBefore, JoinRequest request) {
        return !admittedBefore && request.getStatus().admitted != null;
    }

    private void announceDegradation(JoinRequest request, String before, JoinRequestStatusRecorder status) {
        String now = status.degradedReason();
        if (now != null && !now.equals(before)) {
            events.warning(request, "Degraded", Conditions.find(request.getStatus().conditions, JoinRequest.COND_DEGRADED)
                    .map(c -> c.message).orElse(now));
        } else if (now == null && before != null) {
            events.normal(request, "Recovered", "No longer degraded (" + before + ")");
        }
    }

    /** A call to the Kubernetes API failed (the status write included): an admitted member stays, Degraded says why. */
    @Override
    public ErrorStatusUpdateControl<JoinRequest> updateErrorStatus(JoinRequest request, Context<JoinRequest> context,
            Exception e) {
        return apiErrors.record(request, context.getPrimaryCache().get(ResourceID.fromResource(request)).orElse(null), e);
    }

    @Override
    public DeleteControl cleanup(JoinRequest request, Context<JoinRequest> context) {
        unreadable.frozen(request); // reported; deletion is a decision even for an unreadable object
        return new MemberCleanup(provisioner, ownership, events, config, retries, clock)
                .cleanup(request, context.getSecondaryResource(ZtNetwork.class, NETWORKS), peers(request, context),
                        context.getClient());
    }

    private static boolean retryRequested(JoinRequest request) {
        return request.getMetadata().getAnnotations() != null
                && request.getMetadata().getAnnotations().containsKey(ApiGroup.RETRY_ANNOTATION);
    }

    private static void clearRetryAnnotation(JoinRequest request, Context<JoinRequest> context) {
        JoinRequest patched = context.getClient().resource(request).edit(current -> {
            current.getMetadata().getAnnotations().remove(ApiGroup.RETRY_ANNOTATION);
            return current;
        });
        request.getMetadata().setAnnotations(patched.getMetadata().getAnnotations());
        request.getMetadata().setResourceVersion(patched.getMetadata().getResourceVersion());
    }

    private static boolean failedAtThisGeneration(JoinRequest request) {
        return Objects.equals(request.getStatus().observedGeneration, request.getMetadata().getGeneration());
    }

    private void warnOnChange(StatusSnapshot before, JoinRequest request, String reason, String message) {
        if (before.changed(request.getStatus())) {
            events.warning(request, reason, message);
        }
    }

    private void announcePhase(JoinRequest request, Phase phase) {
        switch (phase) {
            case Approved -> events.normal(request, "Approved", "Request approved by " + request.getSpec().approval.decidedBy);
            case Rejected -> events.normal(request, "Rejected", "Request rejected: " + request.getSpec().approval.reason);
            case Active -> events.normal(request, "Active", "The member is authorized and configured on every route server");
            case Suspended -> events.warning(request, "Suspended", "The member's sessions are disabled on the route servers "
                    + "for the PeeringDB re-check finding " + request.getStatus().suspendedFor + "; reject the request or "
                    + "acknowledge the finding in spec.approval.acknowledgedFindings");
            default -> events.normal(request, phase.name(), "Request is " + phase);
        }
    }

    /** The other requests of the request's network as far as it needs them, from the cache's indexes (no scan). */
    private static NetworkPeers peers(JoinRequest request, Context<JoinRequest> context) {
        String namespace = request.getMetadata().getNamespace();
        String network = Membership.networkOf(request);
        if (network == null) {
            return NetworkPeers.NONE;
        }
        var cache = context.getPrimaryCache();
        return new NetworkPeers(nodeKey(request).map(key -> cache.byIndex(BY_NODE, key)).orElse(List.of()),
                name -> cache.get(new ResourceID(name, namespace)).filter(r -> networksOf(r).contains(network)).orElse(null));
    }

    /** "namespace/network/node" of the network and node the request is (or would be) a member with. */
    private static Optional<String> nodeKey(JoinRequest request) {
        String network = Membership.networkOf(request);
        String node = Membership.nodeOf(request);
        return network == null || node == null ? Optional.empty()
                : Optional.of(networkKey(request.getMetadata().getNamespace(), network) + "/" + node);
    }

    /** The route servers of the request's network, with every member's sessions and paths where they are known. */
    private List<RouteServer> routeServersOf(JoinRequest request, Context<JoinRequest> context) {
        @SuppressWarnings("unchecked")
        var source = (InformerEventSource<RouteServer, JoinRequest>) context.eventSourceRetriever()
                .getEventSourceFor(RouteServer.class, ROUTE_SERVERS);
        String network = Membership.networkOf(request);
        return source.list(request.getMetadata().getNamespace(),
                rs -> rs.getSpec() != null && network != null && network.equals(rs.getSpec().networkRef))
                .map(details::detailed).toList();
    }

    private static Set<ResourceID> requestsOf(EventSourceContext<JoinRequest> context, String namespace, String network) {
        return context.getPrimaryCache().byIndex(BY_NETWORK, networkKey(namespace, network)).stream()
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    /** The admitted network and the spec's (they differ only when the spec was changed after admission). */
    private static List<String> networksOf(JoinRequest request) {
        String spec = request.getSpec() == null ? null : request.getSpec().networkRef;
        String member = Membership.networkOf(request);
        return java.util.stream.Stream.of(member, spec).filter(Objects::nonNull).distinct().toList();
    }

    private static String networkKey(String namespace, String name) {
        return namespace + "/" + name;
    }
}
