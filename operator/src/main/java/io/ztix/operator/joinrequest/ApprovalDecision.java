package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.operator.common.EventRecorder;

/**
 * The decision a request is under: the one in its spec, or an automatic approval the network allows. A request the
 * portal labelled {@link JoinRequest#LABEL_HELD_FOR_ADMIN} waits for an admin even where the network approves
 * automatically.
 */
final class ApprovalDecision {

    private ApprovalDecision() {
    }

    static Approval follow(JoinRequest request, ZtNetwork network, KubernetesClient client, EventRecorder events) {
        Approval approval = request.getSpec().approval;
        if (approval != null || !autoApproves(network, request)) {
            return approval;
        }
        String held = JoinRequest.heldForAdmin(request);
        if (held != null) {
            // said once: the first time the request waits for a decision (its Approved condition is not written yet)
            if (Conditions.find(request.getStatus().conditions, JoinRequest.COND_APPROVED).isEmpty()) {
                events.normal(request, "HeldForAdmin", "Not approved automatically although network '"
                        + network.getMetadata().getName() + "' approves requests from PeeringDB-verified users: the "
                        + "request is labelled " + JoinRequest.LABEL_HELD_FOR_ADMIN + "=" + held + "; waiting for an IX admin");
            }
            return null;
        }
        Approval automatic = new Approval(Approval.Decision.Approved, "requester is a PeeringDB-verified user",
                JoinRequestReconciler.AUTO_APPROVER);
        // The decision belongs in the spec (it is what an admin would have written), so it is patched there.
        JoinRequest patched = client.resource(request).edit(current -> {
            current.getSpec().approval = automatic;
            return current;
        });
        request.getSpec().approval = automatic;
        request.getMetadata().setGeneration(patched.getMetadata().getGeneration());
        request.getMetadata().setResourceVersion(patched.getMetadata().getResourceVersion());
        events.normal(request, "AutoApproved", "Approved automatically: network '" + network.getMetadata().getName()
                + "' approves requests from PeeringDB-verified users");
        return automatic;
    }

    private static boolean autoApproves(ZtNetwork network, JoinRequest request) {
        return network.getSpec() != null
                && network.getSpec().approval == ZtNetworkSpec.ApprovalPolicy.AutoForVerified
                && request.getSpec().requester != null
                && request.getSpec().requester.verifiedPeeringDbUser();
    }
}
