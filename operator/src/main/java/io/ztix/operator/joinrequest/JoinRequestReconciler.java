package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ztix.api.common.ApiGroup;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.common.StatusSnapshot;
import io.ztix.operator.network.addressing.AddressSpaceExhaustedException;
import io.ztix.operator.zerotier.ZeroTierException;
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
    private static final String NETWORKS = "networks-of-joinrequests";
    private static final String ROUTE_SERVERS = "routeservers-of-joinrequests";

    private final MemberProvisioner provisioner;
    private final EventRecorder events;
    private final OperatorConfig config;
    private final Clock clock;
    private final RetryTracker retries = new RetryTracker();
    private final MemberVerifications verifications = new MemberVerifications();

    public JoinRequestReconciler(MemberProvisioner provisioner, EventRecorder events, OperatorConfig config, Clock clock) {
        this.provisioner = provisioner;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, JoinRequest>> prepareEventSources(EventSourceContext<JoinRequest> context) {
        context.getPrimaryCache().addIndexer(BY_NETWORK, request -> request.getSpec() == null
                || request.getSpec().networkRef == null ? List.of()
                : List.of(networkKey(request.getMetadata().getNamespace(), request.getSpec().networkRef)));
        var networks = InformerEventSourceConfiguration.from(ZtNetwork.class, JoinRequest.class)
                .withName(NETWORKS)
                .withSecondaryToPrimaryMapper(network -> requestsOf(context, network.getMetadata().getNamespace(),
                        network.getMetadata().getName()))
                .withPrimaryToSecondaryMapper((JoinRequest request) -> request.getSpec() == null
                        || request.getSpec().networkRef == null ? Set.of()
                        : Set.of(new ResourceID(request.getSpec().networkRef, request.getMetadata().getNamespace())))
                // counters and member counts change often and mean nothing to a request
                .withOnUpdateFilter(NetworkChanges::mattersToRequests)
                .build();
        var routeServers = InformerEventSourceConfiguration.from(RouteServer.class, JoinRequest.class)
                .withName(ROUTE_SERVERS)
                .withSecondaryToPrimaryMapper(rs -> rs.getSpec() == null ? Set.of()
                        : requestsOf(context, rs.getMetadata().getNamespace(), rs.getSpec().networkRef))
                .build();
        return List.of(new InformerEventSource<>(networks, context), new InformerEventSource<>(routeServers, context));
    }

    @Override
    public UpdateControl<JoinRequest> reconcile(JoinRequest request, Context<JoinRequest> context) {
        StatusSnapshot before = StatusSnapshot.of(request.getStatus());
        Phase phaseBefore = request.getStatus() == null ? null : request.getStatus().phase;
        JoinRequestStatusRecorder status = new JoinRequestStatusRecorder(request, clock);
        Duration next = null;

        if (retryRequested(request)) {
            clearRetryAnnotation(request, context);
            status.retrying();
            events.normal(request, "Retrying", "An admin asked to retry the failed request");
        }
        List<String> problems = JoinRequestValidator.problems(request);
        Optional<ZtNetwork> network = context.getSecondaryResource(ZtNetwork.class, NETWORKS);
        if (status.isFailed() && failedAtThisGeneration(request)) {
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
            next = act(request, approval, network.get(), routeServersOf(request, context), status);
        }

        if (status.phase() != phaseBefore) {
            announcePhase(request, status.phase());
        }
        UpdateControl<JoinRequest> control = before.changed(request.getStatus())
                ? UpdateControl.patchStatus(request) : UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }

    private Duration act(JoinRequest request, Approval approval, ZtNetwork network, List<RouteServer> routeServers,
            JoinRequestStatusRecorder status) {
        try {
            if (approval == null) {
                status.awaitingDecision();
                removeIfPresent(request, network, status, "The approval was withdrawn");
            } else if (approval.decision == Approval.Decision.Rejected) {
                status.rejected(approval.reason, approval.decidedBy);
                removeIfPresent(request, network, status, "Revoked: " + approval.reason);
            } else {
                status.approved(approval.decidedBy);
                provision(request, network, routeServers, status);
            }
            retries.succeeded(request);
            return config.resyncInterval();
        } catch (SecretUnavailableException e) {
            status.transientError("TokenSecretUnavailable", e.getMessage());
        } catch (ZeroTierException e) {
            if (e.kind() == ZeroTierException.Kind.PERMANENT) {
                return fail(request, status, "The ZeroTier controller refused the change: " + e.getMessage());
            }
            status.transientError(switch (e.kind()) {
                case BAD_TOKEN -> "TokenRejected";
                case NOT_FOUND -> "NetworkMissingOnController";
                default -> "ControllerUnavailable";
            }, e.getMessage());
            return retries.nextDelay(request, config.backoff(), e.retryAfter().orElse(null));
        } catch (AddressSpaceExhaustedException | IllegalArgumentException e) {
            return fail(request, status, e.getMessage());
        } catch (KubernetesClientException e) {
            status.transientError("KubernetesApiError", "Kubernetes API: " + e.getMessage());
        }
        return retries.nextDelay(request, config.backoff(), null);
    }

    private void provision(JoinRequest request, ZtNetwork network, List<RouteServer> routeServers,
            JoinRequestStatusRecorder status) {
        if (network.getStatus() == null || network.getStatus().networkId == null
                || !Conditions.isTrue(network.getStatus().conditions, ZtNetwork.COND_READY)) {
            status.networkNotReady(network.getMetadata().getName(), network.getStatus() == null ? null
                    : Conditions.find(network.getStatus().conditions, ZtNetwork.COND_READY).map(c -> c.message).orElse(null));
            return;
        }
        provisioner.ensureAddresses(request, network, reservedIpv4(routeServers));
        status.addressesAssigned();
        if (verifications.due(request, network, config.resyncInterval(), clock)) {
            if (provisioner.authorize(request, network)) {
                events.normal(request, "MemberAuthorized", MemberProvisioner.memberName(request) + " (node "
                        + request.getSpec().nodeId + ") authorized on network " + network.getStatus().networkId);
            }
            verifications.record(request, network, clock);
        }
        status.memberAuthorized(network.getStatus().networkId);
        status.routeServers(RouteServerProgress.of(request.getMetadata().getName(), routeServers));
    }

    private void removeIfPresent(JoinRequest request, ZtNetwork network, JoinRequestStatusRecorder status, String why) {
        if (!status.memberMayExist()) {
            return;
        }
        if (network.getStatus() == null || network.getStatus().networkId == null) {
            status.removalPending("Cannot remove the member yet: ZtNetwork '" + network.getMetadata().getName()
                    + "' has no network ID");
            return;
        }
        provisioner.remove(request, network);
        verifications.forget(request);
        status.memberRemoved(why);
        events.normal(request, "MemberRemoved", "Node " + request.getSpec().nodeId + " removed from network "
                + network.getStatus().networkId + ": " + why);
    }

    @Override
    public DeleteControl cleanup(JoinRequest request, Context<JoinRequest> context) {
        return new MemberCleanup(provisioner, events, config, retries, clock)
                .cleanup(request, context.getSecondaryResource(ZtNetwork.class, NETWORKS), context.getClient());
    }

    private Duration fail(JoinRequest request, JoinRequestStatusRecorder status, String message) {
        status.failed(message);
        events.warning(request, "Failed", message);
        return null;
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
            default -> events.normal(request, phase.name(), "Request is " + phase);
        }
    }

    private static List<RouteServer> routeServersOf(JoinRequest request, Context<JoinRequest> context) {
        @SuppressWarnings("unchecked")
        var source = (InformerEventSource<RouteServer, JoinRequest>) context.eventSourceRetriever()
                .getEventSourceFor(RouteServer.class, ROUTE_SERVERS);
        return source.list(request.getMetadata().getNamespace(),
                rs -> rs.getSpec() != null && request.getSpec().networkRef.equals(rs.getSpec().networkRef)).toList();
    }

    private static List<String> reservedIpv4(List<RouteServer> routeServers) {
        return routeServers.stream().map(rs -> rs.getSpec().peeringAddresses == null ? null : rs.getSpec().peeringAddresses.ipv4)
                .filter(Objects::nonNull).toList();
    }

    private static Set<ResourceID> requestsOf(EventSourceContext<JoinRequest> context, String namespace, String network) {
        return context.getPrimaryCache().byIndex(BY_NETWORK, networkKey(namespace, network)).stream()
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    private static String networkKey(String namespace, String name) {
        return namespace + "/" + name;
    }
}
