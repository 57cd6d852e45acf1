package io.ztix.operator.joinrequest;

import io.ztix.api.common.ApiGroup;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.MemberFinding;
import io.ztix.api.joinrequest.Phase;
import java.time.Clock;
import java.util.ArrayList;

/**
 * The one place that writes a JoinRequest's status during a reconciliation. Every outcome the
 * reconciler can reach is a method here, so phase, conditions and lastError always agree.
 */
final class JoinRequestStatusRecorder {

    private final JoinRequest request;
    private final JoinRequestStatus status;
    private final Clock clock;

    JoinRequestStatusRecorder(JoinRequest request, Clock clock) {
        this.request = request;
        this.clock = clock;
        if (request.getStatus() == null) {
            request.setStatus(new JoinRequestStatus());
        }
        this.status = request.getStatus();
    }

    Phase phase() {
        return status.phase;
    }

    void invalid(String problems) {
        status.phase = Phase.Pending;
        status.lastError = problems;
        set(JoinRequest.COND_VALID, Condition.FALSE, JoinRequestReason.InvalidSpec, problems);
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.InvalidSpec, "The request cannot be processed: " + problems);
    }

    void networkMissing(String networkRef) {
        String message = "ZtNetwork '" + networkRef + "' does not exist in namespace '"
                + request.getMetadata().getNamespace() + "'; the request stays Pending until it does";
        status.phase = Phase.Pending;
        status.lastError = null;
        set(JoinRequest.COND_VALID, Condition.FALSE, JoinRequestReason.NetworkNotFound, message);
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.NetworkNotFound, message);
    }

    /** Another request owns the node: this one gets nothing (no addresses, no authorization). */
    void nodeIdConflict(String owner) {
        String message = "Node " + request.getSpec().nodeId + " already belongs to JoinRequest " + owner
                + " on network " + Membership.networkOf(request)
                + "; a node can be a member only once per network. Reject this request, or use another node";
        nodeIdConflictSaying(message);
    }

    /** Another live request names this node and who holds the node's claim is unknown: wait, as in a conflict. */
    void nodeClaimUnreadable(String why) {
        nodeIdConflictSaying("Node " + request.getSpec().nodeId + " is also named by another live request on network "
                + Membership.networkOf(request) + ", and " + why + "; not admitted until the claim can be read");
    }

    private void nodeIdConflictSaying(String message) {
        status.phase = Phase.Pending;
        status.lastError = message;
        set(JoinRequest.COND_VALID, Condition.FALSE, JoinRequestReason.NodeIdConflict, message);
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.NodeIdConflict, message);
    }

    boolean inNodeIdConflict() {
        return Conditions.find(status.conditions, JoinRequest.COND_VALID).map(c -> JoinRequestReason.NodeIdConflict.name().equals(c.reason)).orElse(false);
    }

    void valid() {
        set(JoinRequest.COND_VALID, Condition.TRUE, JoinRequestReason.Valid, "The request is valid and its network exists");
    }

    void awaitingDecision() {
        status.phase = Phase.Pending;
        status.lastError = null;
        set(JoinRequest.COND_APPROVED, Condition.UNKNOWN, JoinRequestReason.AwaitingDecision,
                "Waiting for an IX admin to approve or reject the request");
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.AwaitingDecision, "Not approved yet");
    }

    void rejected(String reason, String decidedBy) {
        status.phase = Phase.Rejected;
        status.lastError = null;
        String by = decidedBy == null ? "" : " by " + decidedBy;
        set(JoinRequest.COND_APPROVED, Condition.FALSE, JoinRequestReason.Rejected, "Rejected" + by + ": " + reason);
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.Rejected, "The request was rejected: " + reason);
    }

    void approved(String decidedBy) {
        if (status.phase != Phase.Provisioning && status.phase != Phase.Active && status.phase != Phase.Failed
                && status.phase != Phase.Suspended) {
            status.phase = Phase.Approved;
        }
        set(JoinRequest.COND_APPROVED, Condition.TRUE, JoinRequestReason.Approved,
                "Approved" + (decidedBy == null ? "" : " by " + decidedBy));
        if (status.phase == Phase.Approved) {
            set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.Provisioning, "Approved; provisioning has not started yet");
        }
    }


    /** The member was put on the controller at some point and may still be there. */
    boolean memberMayExist() {
        return status.sequence != null && !Conditions.find(status.conditions, JoinRequest.COND_MEMBER_AUTHORIZED)
                .map(c -> Condition.FALSE.equals(c.status) && JoinRequestReason.Removed.name().equals(c.reason)).orElse(false);
    }

    boolean isFailed() {
        return status.phase == Phase.Failed;
    }

    /** A request not admitted yet waits for its network; nothing about its membership changes. */
    void networkNotReady(Degradation why) {
        status.lastError = why.message();
        if (status.phase != Phase.Provisioning && status.phase != Phase.Active) {
            status.phase = Phase.Approved;
        }
        degraded(why);
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.NetworkNotReady, "Waiting: " + why.message());
    }

    void addressesAssigned() {
        if (status.phase != Phase.Active) {
            status.phase = Phase.Provisioning;
        }
    }

    void memberAuthorized(String networkId) {
        status.lastError = null;
        String ips = status.assignedIps.ipv6 + (status.assignedIps.ipv4 == null ? "" : " and " + status.assignedIps.ipv4);
        set(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.TRUE, JoinRequestReason.Authorized, "Node " + request.getSpec().nodeId
                + " is authorized on network " + networkId + " with " + ips);
    }

    void routeServers(RouteServerProgress progress) {
        if (partialProgressWhileProvisioning(progress)) {
            // One status write per phase: route servers configuring the member one after the other (the health
            // gate) do not rewrite every request of the network in between; each RouteServer's status shows it.
            return;
        }
        status.routeServers = new ArrayList<>(progress.entries());
        if (progress.none()) {
            set(JoinRequest.COND_ROUTE_SERVERS_CONFIGURED, Condition.TRUE, JoinRequestReason.NoRouteServers,
                    "The network has no route servers");
        } else if (progress.allConfigured()) {
            set(JoinRequest.COND_ROUTE_SERVERS_CONFIGURED, Condition.TRUE, JoinRequestReason.Configured,
                    "Configured on every route server: " + String.join(", ", progress.entries().stream().map(e -> e.name).toList()));
        } else {
            String waiting = "Waiting for route servers: " + String.join(", ", progress.waitingFor());
            status.phase = Phase.Provisioning;
            set(JoinRequest.COND_ROUTE_SERVERS_CONFIGURED, Condition.FALSE, JoinRequestReason.Waiting, waiting);
            set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.Provisioning, waiting);
            return;
        }
        if (status.suspendedFor != null) {
            suspendedReady();
            return;
        }
        active();
    }

    private void active() {
        status.phase = Phase.Active;
        set(JoinRequest.COND_READY, Condition.TRUE, JoinRequestReason.Active, "The member is authorized and configured on every route server");
    }

    private boolean partialProgressWhileProvisioning(RouteServerProgress progress) {
        return status.phase == Phase.Provisioning && !progress.none() && !progress.allConfigured()
                && status.routeServers != null && !status.routeServers.isEmpty()
                && status.routeServers.stream().map(e -> e.name).toList()
                        .equals(progress.entries().stream().map(e -> e.name).toList());
    }

    /** The member was authorized with its addresses: from now on the route servers configure this record. */
    void admitted(AdmittedMember record) {
        status.admitted = record;
    }

    /** A decision took the member off: the route servers drop it with this record. */
    void unadmitted() {
        status.admitted = null;
    }

    /**
     * Where an admitted member stands: Active while every route server runs it, whatever the controller's
     * health; Ready says whether that is the whole truth.
     */
    void admittedMember(RouteServerProgress progress, Degradation degradation) {
        routeServers(progress);
        if (degradation == null) {
            healthy();
            return;
        }
        degradedMember(degradation);
    }

    /** Something keeps the operator from verifying or changing an admitted member: the member stays as it is. */
    void degradedMember(Degradation degradation) {
        degraded(degradation);
        if (status.phase != Phase.Active) {
            return; // Ready already says which route servers are still to come
        }
        if (degradation.outage()) {
            set(JoinRequest.COND_READY, Condition.UNKNOWN, degradation.reason(), "The member stays on every route "
                    + "server with its admitted addresses; its authorization cannot be verified now: " + degradation.message());
        } else {
            set(JoinRequest.COND_READY, Condition.FALSE, degradation.reason(), "The route servers keep the admitted "
                    + "member; the changed spec is not applied: " + degradation.message());
        }
    }

    /** The spec of an admitted member no longer matches what was admitted or is invalid: it is frozen. */
    void frozen(String problems) {
        status.lastError = problems;
        set(JoinRequest.COND_VALID, Condition.FALSE, JoinRequestReason.InvalidSpec, problems);
    }

    void lastErrorFrom(Degradation degradation) {
        status.lastError = degradation == null ? null : degradation.message();
    }

    void degraded(Degradation degradation) {
        set(JoinRequest.COND_DEGRADED, Condition.TRUE, degradation.reason(), degradation.message());
    }

    void healthy() {
        if (Conditions.find(status.conditions, JoinRequest.COND_DEGRADED).isPresent() || status.admitted != null) {
            set(JoinRequest.COND_DEGRADED, Condition.FALSE, JoinRequestReason.Healthy, "Nothing keeps the operator from verifying this member");
        }
    }

    /** The Degraded condition as it stands, for events on a change. */
    String degradedReason() {
        return Conditions.find(status.conditions, JoinRequest.COND_DEGRADED).filter(Condition::isTrue)
                .map(c -> c.reason).orElse(null);
    }

    void transientError(Degradation why) {
        status.lastError = why.message();
        degraded(why);
        set(JoinRequest.COND_READY, Condition.FALSE, why.reason(), why.message() + " (retrying)");
    }

    void failed(String message) {
        status.phase = Phase.Failed;
        status.lastError = message;
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.Failed, message
                + " — fix the cause, then retry with: kubectl annotate joinrequest " + request.getMetadata().getName()
                + " " + ApiGroup.RETRY_ANNOTATION + "=now --overwrite");
    }

    void retrying() {
        status.phase = Phase.Approved;
        status.lastError = null;
    }

    void memberRemoved(String why) {
        status.lastError = null;
        status.admitted = null;
        status.routeServers = new ArrayList<>();
        set(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.FALSE, JoinRequestReason.Removed, why);
        Conditions.find(status.conditions, JoinRequest.COND_ROUTE_SERVERS_CONFIGURED).ifPresent(c ->
                set(JoinRequest.COND_ROUTE_SERVERS_CONFIGURED, Condition.FALSE, JoinRequestReason.Removed, why));
    }

    void removalPending(String message) {
        status.lastError = message;
        set(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.UNKNOWN, JoinRequestReason.RemovalPending, message);
    }

    /** The last PeeringDB re-check of an admitted member (see MemberCheckUpkeep). */
    void memberCheck(String conditionStatus, JoinRequestReason reason, String message) {
        set(JoinRequest.COND_MEMBER_CHECK, conditionStatus, reason, message);
    }

    /** The network suspends members for this unacknowledged finding: sessions disabled, not Active. */
    void suspended(MemberFinding finding) {
        status.suspendedFor = finding;
        suspendedReady();
    }

    private void suspendedReady() {
        status.phase = Phase.Suspended;
        set(JoinRequest.COND_READY, Condition.FALSE, JoinRequestReason.Suspended, "Suspended for the PeeringDB re-check "
                + "finding " + status.suspendedFor + ": the sessions are disabled on the route servers (ZeroTier membership "
                + "and addresses stay). Reject the request, or acknowledge the finding in spec.approval.acknowledgedFindings");
    }

    /** Not suspended (any more): a member suspended until now is Active again. */
    void notSuspended() {
        status.suspendedFor = null;
        if (status.phase == Phase.Suspended) {
            active();
        }
    }

    /** The only writer of this request's conditions: a reason is always one of {@link JoinRequestReason}. */
    private void set(String type, String conditionStatus, JoinRequestReason reason, String message) {
        status.observedGeneration = request.getMetadata().getGeneration();
        Conditions.set(status.conditions, new Condition(type, conditionStatus, reason.name(), message),
                request.getMetadata().getGeneration(), clock);
    }
}
