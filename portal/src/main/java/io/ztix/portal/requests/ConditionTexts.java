package io.ztix.portal.requests;

import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.portal.i18n.Bidi;
import io.ztix.portal.i18n.MessageKeys;
import io.ztix.portal.i18n.StatusMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request's conditions in words. A member reads the portal's own text for each condition's {@code reason}
 * (messages {@code reason_<Reason>}, one per {@link io.ztix.api.joinrequest.JoinRequestReason}), never the
 * operator's English message, which names Secrets, controllers and kubectl lines: the steps in order (valid,
 * decided, authorized, route servers, health) and the summary (Ready) last, each sentence once. An admin reads
 * what the condition says and the operator's message.
 */
final class ConditionTexts {

    /** The order a member reads the steps in; Ready sums them up and comes last. */
    private static final List<String> ORDER = List.of(JoinRequest.COND_VALID, JoinRequest.COND_APPROVED,
            JoinRequest.COND_MEMBER_AUTHORIZED, JoinRequest.COND_ROUTE_SERVERS_CONFIGURED, JoinRequest.COND_DEGRADED,
            JoinRequest.COND_READY);

    private ConditionTexts() {
    }

    static List<String> forMember(JoinRequestStatus status, StatusMessages msg) {
        if (status.conditions.isEmpty()) {
            return List.of(msg.next_after_submit());
        }
        boolean degraded = status.conditions.stream().anyMatch(c -> JoinRequest.COND_DEGRADED.equals(c.type) && c.isTrue());
        Set<String> lines = new LinkedHashSet<>();
        for (Condition c : ordered(status.conditions)) {
            if (degraded && JoinRequest.COND_READY.equals(c.type)) {
                continue; // Degraded already says, calmly, that nothing changes for the member
            }
            String text = c.reason == null ? null : MessageKeys.text(msg, "reason_" + c.reason, null);
            lines.add(text != null ? text : typeAndStatus(c, msg));
        }
        return new ArrayList<>(lines);
    }

    static List<String> forAdmin(JoinRequestStatus status, StatusMessages msg) {
        List<String> lines = new ArrayList<>();
        for (Condition c : status.conditions) {
            String text = typeAndStatus(c, msg);
            if (!c.isTrue() && c.message != null && !c.message.isBlank()) {
                text = text + ": " + Bidi.ltr(c.message);
            }
            lines.add(text);
        }
        return lines;
    }

    /** What the condition says without its reason: for admins, and for a reason this portal does not know yet. */
    private static String typeAndStatus(Condition c, StatusMessages msg) {
        String text = MessageKeys.text(msg, "cond_" + c.type + "_" + (c.isTrue() ? "True" : "False"), null);
        return text != null ? text : msg.cond_other() + " " + Bidi.ltr(c.type + ": " + c.status);
    }

    private static List<Condition> ordered(List<Condition> conditions) {
        int summary = 2 * ORDER.indexOf(JoinRequest.COND_READY);
        return conditions.stream().sorted(Comparator.comparingInt(c -> {
            int at = ORDER.indexOf(c.type);
            return at < 0 ? summary - 1 : 2 * at; // a type this portal does not know comes just before the summary
        })).toList();
    }
}
