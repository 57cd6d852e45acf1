package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.common.EventRecorder;
import java.util.Optional;

/** Takes a member off its ZeroTier network after a decision (rejection, withdrawn approval). */
final class MemberRemoval {

    private final MemberProvisioner provisioner;
    private final MemberVerifications verifications;
    private final EventRecorder events;
    private final NodeOwnership ownership;

    MemberRemoval(MemberProvisioner provisioner, MemberVerifications verifications, NodeOwnership ownership,
            EventRecorder events) {
        this.ownership = ownership;
        this.provisioner = provisioner;
        this.verifications = verifications;
        this.events = events;
    }

    /** Removes the node if it may still be on the controller; controller errors are thrown for a retry. */
    void removeIfPresent(JoinRequest request, ZtNetwork network, NetworkPeers peers,
            JoinRequestStatusRecorder status, String why) {
        if (!status.memberMayExist()) {
            status.unadmitted();
            ownership.release(request);
            return;
        }
        Optional<JoinRequest> owner = ownership.sharedWith(request, peers);
        if (owner.isPresent()) {
            status.memberRemoved(why + "; node " + Membership.nodeOf(request) + " stays on the controller: it belongs to "
                    + "JoinRequest " + owner.get().getMetadata().getName());
            ownership.release(request);
            events.warning(request, "NodeLeftToOwner", "Node " + Membership.nodeOf(request) + " was not removed from the "
                    + "controller: JoinRequest " + owner.get().getMetadata().getName() + " owns it");
            return;
        }
        if (network != null && TolerantReading.isUnreadable(network)) {
            status.removalPending("Cannot remove the member yet: ZtNetwork '" + network.getMetadata().getName()
                    + "' cannot be read: " + TolerantReading.problem(network).orElse(""));
            return;
        }
        if (network == null || network.getStatus() == null || network.getStatus().networkId == null) {
            status.removalPending("Cannot remove the member yet: ZtNetwork '" + Membership.networkOf(request)
                    + "' " + (network == null ? "does not exist" : "has no network ID"));
            return;
        }
        String node = Membership.nodeOf(request);
        provisioner.remove(request, network);
        verifications.forget(request);
        ownership.release(request);
        status.memberRemoved(why);
        events.normal(request, "MemberRemoved", "Node " + node + " removed from network "
                + network.getStatus().networkId + ": " + why);
    }
}
