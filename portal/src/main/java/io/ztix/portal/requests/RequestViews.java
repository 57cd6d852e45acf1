package io.ztix.portal.requests;

import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.portal.i18n.AppMessages;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns JoinRequests into {@link RequestView}s: phases and conditions in plain words. The operator's own
 * messages (conditions, last error) name Secrets, namespaces and controller URLs, which are for admins only:
 * a member sees the condition in plain words and that the IX sees the details.
 */
public final class RequestViews {

    private RequestViews() {
    }

    /** The view of a member: member-level messages only. */
    public static RequestView of(JoinRequest r, AppMessages msg) {
        return of(r, msg, false);
    }

    /** @param admin whether the viewer is an IX admin, who also sees the operator's detailed messages */
    public static RequestView of(JoinRequest r, AppMessages msg, boolean admin) {
        JoinRequestSpec spec = r.getSpec();
        JoinRequestStatus status = r.getStatus() == null ? new JoinRequestStatus() : r.getStatus();
        String phase = status.phase == null ? "Pending" : status.phase.name();
        String phaseLabel = status.phase == null ? msg.phase_unknown() : message(msg, "phase_" + phase, phase);
        List<String> conditions = new ArrayList<>();
        boolean degraded = status.conditions.stream().anyMatch(c -> "Degraded".equals(c.type) && c.isTrue());
        for (Condition c : status.conditions) {
            if (degraded && !admin && "Ready".equals(c.type)) {
                continue; // the operator's own words name Secrets and controllers; the member gets the calm Degraded text
            }
            conditions.add("Degraded".equals(c.type) ? (c.isTrue() ? msg.cond_Degraded_True() : msg.cond_Degraded_False())
                    : condition(c, msg, admin));
        }
        List<RequestView.RouteServerView> routeServers = new ArrayList<>();
        for (RouteServerEntry entry : status.routeServers) {
            List<String> sessions = new ArrayList<>();
            for (PeerStatus s : entry.sessions) {
                sessions.add((s.family == null ? "" : s.family + " ") + (s.state == null ? "?" : s.state)
                        + (s.since == null ? "" : " (" + s.since + ")") + (s.info == null ? "" : " " + s.info));
            }
            boolean configured = Boolean.TRUE.equals(entry.configured);
            String state = (configured ? msg.rs_configured() : msg.rs_not_configured())
                    + (sessions.isEmpty() ? "; " + msg.rs_no_sessions() : "");
            routeServers.add(new RequestView.RouteServerView(entry.name, configured, state, sessions,
                    PathText.of(entry.name, entry.path, msg)));
        }
        String requester = spec.requester == null ? null
                : (spec.requester.name != null ? spec.requester.name : "")
                + (spec.requester.peeringdbUserId != null ? " (PeeringDB " + spec.requester.peeringdbUserId + ")" : "")
                + (spec.requester.localUser != null ? " (local " + spec.requester.localUser + ")" : "");
        return new RequestView(r.getMetadata().getName(), spec.asn == null ? 0 : spec.asn, spec.networkRef,
                spec.networkName, spec.nodeId, phase, phaseLabel, conditions,
                status.assignedIps == null ? null : status.assignedIps.ipv6,
                status.assignedIps == null ? null : status.assignedIps.ipv4, routeServers,
                status.lastError == null ? null : admin ? status.lastError : degraded ? null : msg.detail_ix_sees_error(),
                spec.approval == null || spec.approval.decision == null ? null : spec.approval.decision.name(),
                spec.approval == null ? null : spec.approval.reason,
                spec.approval == null ? null : spec.approval.decidedBy, requester,
                r.getMetadata().getCreationTimestamp(), spec.asSet,
                spec.maxPrefixes == null ? null : spec.maxPrefixes.ipv4,
                spec.maxPrefixes == null ? null : spec.maxPrefixes.ipv6);
    }

    static String condition(Condition c, AppMessages msg, boolean admin) {
        String key = "cond_" + c.type + "_" + (c.isTrue() ? "True" : "False");
        String text = message(msg, key, null);
        if (text == null) {
            text = msg.cond_other() + " " + c.type + ": " + c.status;
        }
        if (!c.isTrue() && c.message != null && !c.message.isBlank()) {
            text = text + (admin ? ": " + c.message : ". " + msg.cond_ix_sees_details());
        }
        return text;
    }

    /** Looks a message up by key; {@code fallback} when the bundle has no such message. */
    static String message(AppMessages msg, String key, String fallback) {
        try {
            Method method = AppMessages.class.getMethod(key);
            return (String) method.invoke(msg);
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }

    /** A message with one parameter (e.g. a limit); {@code fallback} when the bundle has no such message. */
    static String message(AppMessages msg, String key, String argument, String fallback) {
        try {
            Method method = AppMessages.class.getMethod(key, String.class);
            return (String) method.invoke(msg, argument);
        } catch (ReflectiveOperationException e) {
            return fallback;
        }
    }
}
