package io.ztix.portal.requests;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.RoutingSpec;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.portal.i18n.Bidi;
import io.ztix.portal.i18n.MessageKeys;
import io.ztix.portal.i18n.StatusMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns JoinRequests into {@link RequestView}s: phases and conditions in plain words. The operator's own
 * messages (conditions, last error) name Secrets, namespaces and controller URLs, which are for admins only:
 * a member sees the condition in plain words and that the IX sees the details.
 */
public final class RequestViews {

    private RequestViews() {
    }

    /** The view of a member: member-level messages only. */
    public static RequestView of(JoinRequest r, StatusMessages msg) {
        return of(r, msg, false);
    }

    /** @param admin whether the viewer is an IX admin, who also sees the operator's detailed messages */
    public static RequestView of(JoinRequest r, StatusMessages msg, boolean admin) {
        JoinRequestSpec spec = r.getSpec();
        JoinRequestStatus status = r.getStatus() == null ? new JoinRequestStatus() : r.getStatus();
        String phase = status.phase == null ? "Pending" : status.phase.name();
        String phaseLabel = status.phase == null ? msg.phase_unknown() : MessageKeys.text(msg, "phase_" + phase, phase);
        boolean degraded = status.conditions.stream().anyMatch(c -> "Degraded".equals(c.type) && c.isTrue());
        List<String> conditions = admin ? ConditionTexts.forAdmin(status, msg) : ConditionTexts.forMember(status, msg);
        List<RequestView.RouteServerView> routeServers = new ArrayList<>();
        for (RouteServerEntry entry : status.routeServers) {
            List<String> sessions = new ArrayList<>();
            for (PeerStatus s : entry.sessions) {
                sessions.add(session(s, msg) + hint(s, entry.name, msg));
            }
            boolean configured = Boolean.TRUE.equals(entry.configured);
            String state = (configured ? msg.rs_configured() : msg.rs_not_configured())
                    + (sessions.isEmpty() ? "; " + msg.rs_no_sessions() : "");
            String path = PathText.of(entry.name, entry.path, msg);
            StringBuilder line = new StringBuilder(Bidi.ltr(entry.name)).append(": ").append(state);
            sessions.forEach(s -> line.append("; ").append(s));
            if (path != null) {
                line.append("; ").append(path);
            }
            routeServers.add(new RequestView.RouteServerView(entry.name, configured, state, sessions, path,
                    line.toString()));
        }
        String requester = spec.requester == null ? null
                : Bidi.auto(spec.requester.name != null ? spec.requester.name : "")
                + (spec.requester.peeringdbUserId != null ? " (" + Bidi.ltr("PeeringDB " + spec.requester.peeringdbUserId) + ")" : "")
                + (spec.requester.localUser != null ? " (" + Bidi.ltr("local " + spec.requester.localUser) + ")" : "");
        return new RequestView(r.getMetadata().getName(), spec.asn == null ? 0 : spec.asn, spec.networkRef,
                spec.networkName, spec.nodeId, phase, phaseLabel, conditions,
                status.assignedIps == null ? null : status.assignedIps.ipv6,
                status.assignedIps == null ? null : status.assignedIps.ipv4, routeServers,
                status.lastError == null ? null : admin ? Bidi.ltr(status.lastError)
                        : degraded || status.phase == Phase.Failed ? null : msg.detail_ix_sees_error(),
                spec.approval == null || spec.approval.decision == null ? null : spec.approval.decision.name(),
                spec.approval == null || spec.approval.decision == null ? null
                        : MessageKeys.text(msg, "decision_" + spec.approval.decision.name(), spec.approval.decision.name()),
                spec.approval == null ? null : spec.approval.reason,
                spec.approval == null ? null : spec.approval.decidedBy, requester,
                r.getMetadata().getCreationTimestamp(), spec.asSet,
                spec.maxPrefixes == null ? null : spec.maxPrefixes.ipv4,
                spec.maxPrefixes == null ? null : spec.maxPrefixes.ipv6,
                RoutingSpec.acceptsBlackholes(spec.routing),
                status.admitted == null || Boolean.TRUE.equals(status.admitted.acceptBlackholes)
                        == RoutingSpec.acceptsBlackholes(spec.routing));
    }

    /**
     * One BGP session: address family, state, for how long ("Established for 3 days", from the operator's record of when
     * it first saw the state; BIRD's own time of day only where that record is missing) and BIRD's note; tokens isolated.
     */
    private static String session(PeerStatus s, StatusMessages msg) {
        String since = Durations.since(s.stateSinceTime, Instant.now(), msg)
                .orElse(s.since == null ? "" : " (" + Bidi.ltr(s.since) + ")");
        return (s.family == null ? "" : Bidi.ltr(s.family) + " ") + (s.state == null ? "?" : state(s.state, msg))
                + since + (s.info == null ? "" : " " + Bidi.ltr(s.info));
    }

    /** BGP states in which the route server waits for the member's router. */
    private static final java.util.Set<String> WAITING = java.util.Set.of("Idle", "Connect", "Active", "OpenSent",
            "OpenConfirm", "Down");

    /** What the member can do about a session that is not up: connect its router, or send fewer routes. */
    private static String hint(PeerStatus s, String routeServer, StatusMessages msg) {
        String said = ((s.state == null ? "" : s.state) + " " + (s.info == null ? "" : s.info)).toLowerCase(Locale.ROOT);
        if (said.contains("limit exceeded")) {
            return " — " + (s.receiveLimit == null ? msg.session_over_limit() : msg.session_over_limit_of(s.receiveLimit));
        }
        return s.state != null && WAITING.contains(s.state) ? " — " + msg.session_waiting(Bidi.ltr(routeServer)) : "";
    }

    /**
     * A session state in the member's words, with BIRD's own word beside it when they differ ("מחובר (Established)"):
     * the word is what the member searches for in BIRD's documentation.
     */
    static String state(String state, StatusMessages msg) {
        String word = MessageKeys.text(msg, "bgp_" + state.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""), null);
        if (word == null) {
            return Bidi.ltr(state);
        }
        return word.toLowerCase(Locale.ROOT).contains(state.toLowerCase(Locale.ROOT)) ? word
                : word + " (" + Bidi.ltr(state) + ")";
    }
}
