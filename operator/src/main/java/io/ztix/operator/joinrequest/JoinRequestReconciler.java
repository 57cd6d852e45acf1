package io.ztix.operator.joinrequest;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.StatusSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives a JoinRequest through its approval workflow: validate, find its network, follow (or, for
 * AutoForVerified networks, make) the decision, and record the outcome in status and Events.
 */
@ControllerConfiguration(name = "joinrequest")
public class JoinRequestReconciler implements Reconciler<JoinRequest> {

    static final String BY_NETWORK = "joinrequest-by-network";
    public static final String AUTO_APPROVER = "ztix-operator (AutoForVerified)";

    private final EventRecorder events;
    private final Clock clock;

    public JoinRequestReconciler(EventRecorder events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, JoinRequest>> prepareEventSources(EventSourceContext<JoinRequest> context) {
        context.getPrimaryCache().addIndexer(BY_NETWORK, request -> request.getSpec() == null
                || request.getSpec().networkRef == null ? List.of()
                : List.of(networkKey(request.getMetadata().getNamespace(), request.getSpec().networkRef)));
        var networks = InformerEventSourceConfiguration.from(ZtNetwork.class, JoinRequest.class)
                .withName("networks-of-joinrequests")
                .withSecondaryToPrimaryMapper(network -> context.getPrimaryCache()
                        .byIndex(BY_NETWORK, networkKey(network.getMetadata().getNamespace(), network.getMetadata().getName()))
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper((JoinRequest request) -> request.getSpec() == null
                        || request.getSpec().networkRef == null ? Set.of()
                        : Set.of(new ResourceID(request.getSpec().networkRef, request.getMetadata().getNamespace())))
                .build();
        return List.of(new InformerEventSource<>(networks, context));
    }

    @Override
    public UpdateControl<JoinRequest> reconcile(JoinRequest request, Context<JoinRequest> context) {
        StatusSnapshot before = StatusSnapshot.of(request.getStatus());
        Phase phaseBefore = request.getStatus() == null ? null : request.getStatus().phase;
        JoinRequestStatusRecorder status = new JoinRequestStatusRecorder(request, clock);

        List<String> problems = JoinRequestValidator.problems(request);
        Optional<ZtNetwork> network = context.getSecondaryResource(ZtNetwork.class);
        if (!problems.isEmpty()) {
            String joined = String.join("; ", problems);
            status.invalid(joined);
            if (before.changed(request.getStatus())) {
                events.warning(request, "InvalidSpec", joined);
            }
        } else if (network.isEmpty()) {
            status.networkMissing(request.getSpec().networkRef);
            if (before.changed(request.getStatus())) {
                events.warning(request, "NetworkNotFound", "ZtNetwork '" + request.getSpec().networkRef + "' does not exist");
            }
        } else {
            status.valid();
            decide(request, network.get(), status, context);
        }

        if (status.phase() != phaseBefore) {
            announcePhase(request, status.phase());
        }
        return before.changed(request.getStatus()) ? UpdateControl.patchStatus(request) : UpdateControl.noUpdate();
    }

    private void decide(JoinRequest request, ZtNetwork network, JoinRequestStatusRecorder status,
            Context<JoinRequest> context) {
        Approval approval = request.getSpec().approval;
        if (approval == null && autoApproves(network, request)) {
            approval = new Approval(Approval.Decision.Approved, "requester is a PeeringDB-verified user", AUTO_APPROVER);
            approveInSpec(request, approval, context);
            events.normal(request, "AutoApproved", "Approved automatically: network '" + network.getMetadata().getName()
                    + "' approves requests from PeeringDB-verified users");
        }
        if (approval == null) {
            status.awaitingDecision();
        } else if (approval.decision == Approval.Decision.Rejected) {
            status.rejected(approval.reason, approval.decidedBy);
        } else {
            status.approved(approval.decidedBy);
        }
    }

    private static boolean autoApproves(ZtNetwork network, JoinRequest request) {
        return network.getSpec() != null
                && network.getSpec().approval == ZtNetworkSpec.ApprovalPolicy.AutoForVerified
                && request.getSpec().requester != null
                && request.getSpec().requester.verifiedPeeringDbUser();
    }

    /** The decision is part of the spec (it is what an admin would have written), so it is patched there. */
    private static void approveInSpec(JoinRequest request, Approval approval, Context<JoinRequest> context) {
        JoinRequest patched = context.getClient().resource(request).edit(current -> {
            current.getSpec().approval = approval;
            return current;
        });
        request.getSpec().approval = approval;
        request.getMetadata().setGeneration(patched.getMetadata().getGeneration());
        request.getMetadata().setResourceVersion(patched.getMetadata().getResourceVersion());
    }

    private void announcePhase(JoinRequest request, Phase phase) {
        switch (phase) {
            case Approved -> events.normal(request, "Approved", "Request approved by "
                    + request.getSpec().approval.decidedBy);
            case Rejected -> events.normal(request, "Rejected", "Request rejected: " + request.getSpec().approval.reason);
            case Pending -> events.normal(request, "Pending", "Request is pending");
            default -> events.normal(request, phase.name(), "Request is " + phase);
        }
    }

    private static String networkKey(String namespace, String name) {
        return namespace + "/" + name;
    }
}
