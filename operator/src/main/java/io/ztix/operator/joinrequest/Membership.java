package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import java.util.Optional;

/**
 * Who is a member: the one rule the JoinRequest and RouteServer reconcilers share. A request's member is on
 * the route servers while it has a complete admitted record and no decision removed it: not being deleted,
 * and its approval still stands. Health (controller reachable, token accepted, conditions) plays no part.
 */
public final class Membership {

    private Membership() {
    }

    /** The admitted record the route servers configure, or empty when a decision took the member off. */
    public static Optional<AdmittedMember> onRouteServers(JoinRequest request) {
        if (request.getMetadata().getDeletionTimestamp() != null) {
            return Optional.empty();
        }
        AdmittedMember admitted = admitted(request);
        if (admitted == null || !admitted.isComplete()) {
            return Optional.empty();
        }
        if (request.getSpec() == null) {
            // nothing readable says otherwise (an unreadable object is frozen): keep what was admitted
            return Optional.of(admitted);
        }
        return decisionStands(request.getSpec().approval) ? Optional.of(admitted) : Optional.empty();
    }

    /** A member whose sessions are rendered disabled: suspended for a PeeringDB re-check finding (status.suspendedFor). */
    public static boolean suspended(JoinRequest request) {
        return onRouteServers(request).isPresent() && request.getStatus().suspendedFor != null;
    }

    /** An approval that keeps (or lets in) a member: Approved. Withdrawn (null) or Rejected does not. */
    public static boolean decisionStands(Approval approval) {
        return approval != null && approval.decision == Approval.Decision.Approved;
    }

    /** The network the request belongs to: the admitted one once admitted (the spec may have been changed since). */
    public static String networkOf(JoinRequest request) {
        AdmittedMember admitted = admitted(request);
        if (admitted != null && admitted.networkRef != null) {
            return admitted.networkRef;
        }
        return request.getSpec() == null ? null : request.getSpec().networkRef;
    }

    /** The node the member was authorized as: the admitted one, else the spec's. */
    public static String nodeOf(JoinRequest request) {
        AdmittedMember admitted = admitted(request);
        if (admitted != null && admitted.nodeId != null) {
            return admitted.nodeId;
        }
        return request.getSpec() == null ? null : request.getSpec().nodeId;
    }

    static AdmittedMember admitted(JoinRequest request) {
        return request.getStatus() == null ? null : request.getStatus().admitted;
    }
}
