package io.ztix.portal.notifications;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Something a requester or the IX should hear about, read from a JoinRequest as the informer delivers it. The
 * key names the transition with the time the operator recorded for it (a condition's lastTransitionTime), so
 * every replica and every restart derives the same key for the same change, and a second episode (failed again
 * after a retry) gets a new one.
 *
 * @param reason the condition reason behind it (what the member's text is chosen by), null for a submission
 * @param at     when it happened, as the object says
 */
record Event(Kind kind, String key, String reason, Instant at) {

    enum Kind {
        SUBMITTED(true), NODE_CONFLICT(true), APPROVED(false), REJECTED(false), ACTIVE(false), FAILED(false),
        DEGRADED(false);

        /** For the IX's admin address; otherwise for the requester. Webhooks get every kind. */
        final boolean forAdmin;

        Kind(boolean forAdmin) {
            this.forAdmin = forAdmin;
        }
    }

    static List<Event> of(JoinRequest r) {
        List<Event> events = new ArrayList<>();
        time(r.getMetadata().getCreationTimestamp()).ifPresent(at -> events.add(new Event(Kind.SUBMITTED, "submitted", null, at)));
        JoinRequestStatus status = r.getStatus();
        if (status == null) {
            return events;
        }
        condition(status, JoinRequest.COND_VALID).filter(c -> Condition.FALSE.equals(c.status)
                && JoinRequestReason.NodeIdConflict.name().equals(c.reason))
                .ifPresent(c -> add(events, Kind.NODE_CONFLICT, "conflict", c));
        condition(status, JoinRequest.COND_APPROVED).ifPresent(c -> {
            if (c.isTrue()) {
                add(events, Kind.APPROVED, "approved", c);
            } else if (JoinRequestReason.Rejected.name().equals(c.reason)) {
                add(events, Kind.REJECTED, "rejected", c);
            }
        });
        condition(status, JoinRequest.COND_READY).ifPresent(c -> {
            if (status.phase == Phase.Active && c.isTrue()) {
                add(events, Kind.ACTIVE, "active", c);
            } else if (status.phase == Phase.Failed) {
                add(events, Kind.FAILED, "failed", c);
            }
        });
        condition(status, JoinRequest.COND_DEGRADED).filter(Condition::isTrue)
                .ifPresent(c -> add(events, Kind.DEGRADED, "degraded", c));
        return events;
    }

    private static void add(List<Event> events, Kind kind, String name, Condition c) {
        time(c.lastTransitionTime).ifPresent(at -> events.add(new Event(kind, name + ":" + c.lastTransitionTime, c.reason, at)));
    }

    private static Optional<Condition> condition(JoinRequestStatus status, String type) {
        return Conditions.find(status.conditions, type);
    }

    /** A transition without a readable time is not announced: its key would not be stable. */
    private static Optional<Instant> time(String rfc3339) {
        try {
            return rfc3339 == null ? Optional.empty() : Optional.of(Instant.parse(rfc3339));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
