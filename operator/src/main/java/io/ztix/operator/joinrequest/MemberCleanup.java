package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.ztix.api.common.ApiGroup;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.common.RetryTracker;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.zerotier.ZeroTierException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Finishes the deletion of a JoinRequest: its member is removed from the controller first (its addresses
 * stay burned). When that cannot be done the finalizer stays and removal is retried, unless an admin set
 * the force-delete annotation, which lets the deletion finish and leaves the member behind.
 */
final class MemberCleanup {

    private final MemberProvisioner provisioner;
    private final EventRecorder events;
    private final NodeOwnership ownership;
    private final OperatorConfig config;
    private final RetryTracker retries;
    private final Clock clock;

    MemberCleanup(MemberProvisioner provisioner, NodeOwnership ownership, EventRecorder events, OperatorConfig config,
            RetryTracker retries, Clock clock) {
        this.ownership = ownership;
        this.provisioner = provisioner;
        this.events = events;
        this.config = config;
        this.retries = retries;
        this.clock = clock;
    }

    DeleteControl cleanup(JoinRequest request, Optional<ZtNetwork> network, NetworkPeers peers,
            KubernetesClient client) {
        boolean unreadable = TolerantReading.isUnreadable(request);
        boolean statusUnknown = unreadable && request.getStatus() == null;
        JoinRequestStatusRecorder status = new JoinRequestStatusRecorder(request, clock);
        if (!statusUnknown && !status.memberMayExist()) {
            ownership.release(request);
            return DeleteControl.defaultDelete();
        }
        Optional<JoinRequest> owner = statusUnknown ? Optional.empty() : ownership.sharedWith(request, peers);
        if (owner.isPresent()) {
            ownership.release(request);
            events.warning(request, "NodeLeftToOwner", "Request deleted; node " + Membership.nodeOf(request) + " stays on "
                    + "the controller: JoinRequest " + owner.get().getMetadata().getName() + " owns it");
            return DeleteControl.defaultDelete();
        }
        String blocker;
        Duration retryAfter = null;
        if (statusUnknown) {
            blocker = "the request cannot be read (" + TolerantReading.problem(request).orElse("") + "), so the node "
                    + "to remove is unknown";
        } else if (network.isPresent() && TolerantReading.isUnreadable(network.get())) {
            blocker = "ZtNetwork '" + Membership.networkOf(request) + "' cannot be read";
        } else if (network.isEmpty()) {
            blocker = "ZtNetwork '" + Membership.networkOf(request) + "' no longer exists, so its controller is unknown";
        } else if (network.get().getStatus() == null || network.get().getStatus().networkId == null) {
            blocker = "ZtNetwork '" + Membership.networkOf(request) + "' has no network ID";
        } else {
            try {
                provisioner.remove(request, network.get());
                ownership.release(request);
                retries.succeeded(request);
                events.normal(request, "MemberRemoved", "Node " + Membership.nodeOf(request) + " removed from network "
                        + network.get().getStatus().networkId + " (request deleted)");
                return DeleteControl.defaultDelete();
            } catch (ZeroTierException | SecretUnavailableException e) {
                blocker = "the member could not be removed from the controller: " + e.getMessage();
                retryAfter = ZeroTierException.retryAfterOf(e);
            }
        }
        if (forced(request)) {
            events.warning(request, "ForceDeleted", "Deletion finished without removing the member because "
                    + ApiGroup.FORCE_DELETE_ANNOTATION + " is set; " + blocker + ". Remove node "
                    + Membership.nodeOf(request) + " from the controller by hand if it is still there.");
            return DeleteControl.defaultDelete();
        }
        String message = "Deletion waits: " + blocker + ". It is retried; to finish without removing the member, run: "
                + "kubectl annotate joinrequest " + request.getMetadata().getName() + " "
                + ApiGroup.FORCE_DELETE_ANNOTATION + "=true";
        status.removalPending(message);
        events.warning(request, "DeletionBlocked", message);
        if (unreadable) {
            // never write to an object that could not be read: its unread parts would be lost
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(retries.nextDelay(request, config.backoff(), retryAfter));
        }
        try {
            var observed = request.getStatus();
            client.resources(JoinRequest.class).inNamespace(request.getMetadata().getNamespace())
                    .withName(request.getMetadata().getName()).editStatus(current -> {
                        current.setStatus(observed);
                        return current;
                    });
        } catch (KubernetesClientException e) {
            // the status is a courtesy here; the retry below is what matters
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(retries.nextDelay(request, config.backoff(), retryAfter));
    }

    private static boolean forced(JoinRequest request) {
        return request.getMetadata().getAnnotations() != null
                && "true".equalsIgnoreCase(request.getMetadata().getAnnotations().get(ApiGroup.FORCE_DELETE_ANNOTATION));
    }
}
