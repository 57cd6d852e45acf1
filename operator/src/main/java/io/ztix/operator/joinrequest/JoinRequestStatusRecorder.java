package io.ztix.operator.joinrequest;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import java.time.Clock;

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
        set(JoinRequest.COND_VALID, Condition.FALSE, "InvalidSpec", problems);
        set(JoinRequest.COND_READY, Condition.FALSE, "InvalidSpec", "The request cannot be processed: " + problems);
    }

    void networkMissing(String networkRef) {
        String message = "ZtNetwork '" + networkRef + "' does not exist in namespace '"
                + request.getMetadata().getNamespace() + "'; the request stays Pending until it does";
        status.phase = Phase.Pending;
        status.lastError = null;
        set(JoinRequest.COND_VALID, Condition.FALSE, "NetworkNotFound", message);
        set(JoinRequest.COND_READY, Condition.FALSE, "NetworkNotFound", message);
    }

    void valid() {
        set(JoinRequest.COND_VALID, Condition.TRUE, "Valid", "The request is valid and its network exists");
    }

    void awaitingDecision() {
        status.phase = Phase.Pending;
        status.lastError = null;
        set(JoinRequest.COND_APPROVED, Condition.UNKNOWN, "AwaitingDecision",
                "Waiting for an IX admin to approve or reject the request");
        set(JoinRequest.COND_READY, Condition.FALSE, "AwaitingDecision", "Not approved yet");
    }

    void rejected(String reason, String decidedBy) {
        status.phase = Phase.Rejected;
        status.lastError = null;
        String by = decidedBy == null ? "" : " by " + decidedBy;
        set(JoinRequest.COND_APPROVED, Condition.FALSE, "Rejected", "Rejected" + by + ": " + reason);
        set(JoinRequest.COND_READY, Condition.FALSE, "Rejected", "The request was rejected: " + reason);
    }

    void approved(String decidedBy) {
        if (status.phase != Phase.Provisioning && status.phase != Phase.Active && status.phase != Phase.Failed) {
            status.phase = Phase.Approved;
        }
        set(JoinRequest.COND_APPROVED, Condition.TRUE, "Approved",
                "Approved" + (decidedBy == null ? "" : " by " + decidedBy));
        if (status.phase == Phase.Approved) {
            set(JoinRequest.COND_READY, Condition.FALSE, "Provisioning", "Approved; provisioning has not started yet");
        }
    }

    private void set(String type, String conditionStatus, String reason, String message) {
        status.observedGeneration = request.getMetadata().getGeneration();
        Conditions.set(status.conditions, new Condition(type, conditionStatus, reason, message),
                request.getMetadata().getGeneration(), clock);
    }
}
