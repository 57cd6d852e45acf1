package io.ztix.portal.admin;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.i18n.AdminMessages;
import io.ztix.portal.i18n.Bidi;
import io.ztix.portal.requests.LiveRequests;
import io.ztix.portal.requests.RequestQuotaConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an admin must see on a pending request before deciding it: another live request of the same peering LAN
 * that names its node ID (or the operator's report of such a conflict), and a quota the request's person, ASN or
 * peering LAN is over (a request created with kubectl, or a limit lowered since, is not stopped by the form).
 */
public final class QueueFlags {

    /** One quota the request is over: the flag's text and the other live requests counted against it. */
    public record QuotaFlag(String text, List<String> others) {
    }

    /**
     * A finding of the operator's PeeringDB re-check on an admitted member (JoinRequest condition MemberCheck False):
     * the reason (the finding), the operator's message, and whether the network suspended the member for it.
     */
    public record MemberFinding(String finding, String message, boolean suspended) {
    }

    private QueueFlags() {
    }

    /** The re-check finding an admin must decide on, if the request is admitted and has one. */
    static Optional<MemberFinding> memberFinding(JoinRequest r) {
        if (r.getStatus() == null || r.getStatus().admitted == null) {
            return Optional.empty();
        }
        return Conditions.find(r.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK)
                .filter(c -> Condition.FALSE.equals(c.status) && c.reason != null)
                .map(c -> new MemberFinding(c.reason, c.message == null ? "" : Bidi.ltr(c.message),
                        r.getStatus().suspendedFor != null));
    }

    /** Whether the portal held the request for an admin because PeeringDB says never via route servers. */
    static boolean heldNeverViaRouteServers(JoinRequest r) {
        return JoinRequest.HELD_NEVER_VIA_ROUTE_SERVERS.equals(JoinRequest.heldForAdmin(r));
    }

    /** The other live requests of the request's network that name its node ID. */
    static List<String> nodeHolders(JoinRequest r, Collection<JoinRequest> all) {
        return LiveRequests.holdingNode(all, r.getSpec().networkRef, r.getSpec().nodeId, r.getMetadata().getName())
                .stream().map(c -> c.getMetadata().getName()).toList();
    }

    /** The operator's message when its status says the node belongs to another request (it names that request). */
    static String reportedConflict(JoinRequest r) {
        if (r.getStatus() == null) {
            return null;
        }
        return Conditions.find(r.getStatus().conditions, JoinRequest.COND_VALID)
                .filter(c -> Condition.FALSE.equals(c.status) && JoinRequestReason.NodeIdConflict.name().equals(c.reason))
                .map(c -> c.message == null || c.message.isBlank() ? "" : Bidi.ltr(c.message))
                .orElse(null);
    }

    /** Each quota of {@code quota} that the live requests counted with {@code r} exceed. */
    static List<QuotaFlag> quotas(JoinRequest r, Collection<JoinRequest> all, RequestQuotaConfig quota,
            AdminMessages msg) {
        List<QuotaFlag> flags = new ArrayList<>();
        List<String> byPerson = others(r, all, o -> samePerson(r.getSpec().requester, o.getSpec().requester));
        if (over(quota.perUser(), byPerson)) {
            flags.add(new QuotaFlag(msg.admin_quota_user(byPerson.size() + 1, quota.perUser()), byPerson));
        }
        List<String> byAsn = others(r, all, o -> sameNetwork(r, o) && Objects.equals(r.getSpec().asn, o.getSpec().asn));
        if (over(quota.perAsn(), byAsn)) {
            flags.add(new QuotaFlag(msg.admin_quota_asn(byAsn.size() + 1, quota.perAsn()), byAsn));
        }
        List<String> onNetwork = others(r, all, o -> sameNetwork(r, o));
        if (over(quota.perNetwork(), onNetwork)) {
            flags.add(new QuotaFlag(msg.admin_quota_network(onNetwork.size() + 1, quota.perNetwork()), List.of()));
        }
        return flags;
    }

    /** 0 is no limit; the request itself counts too. */
    private static boolean over(int limit, List<String> others) {
        return limit > 0 && others.size() + 1 > limit;
    }

    private static List<String> others(JoinRequest r, Collection<JoinRequest> all, Predicate<JoinRequest> counted) {
        String name = r.getMetadata().getName();
        return all.stream().filter(LiveRequests::live).filter(o -> !o.getMetadata().getName().equals(name))
                .filter(counted).map(o -> o.getMetadata().getName()).sorted().toList();
    }

    private static boolean sameNetwork(JoinRequest r, JoinRequest other) {
        return Objects.equals(r.getSpec().networkRef, other.getSpec().networkRef);
    }

    /** The same PeeringDB user or the same local account, as the form's quota counts a person. */
    private static boolean samePerson(Requester a, Requester b) {
        if (a == null || b == null) {
            return false;
        }
        return a.peeringdbUserId != null && a.peeringdbUserId.equals(b.peeringdbUserId)
                || a.localUser != null && a.localUser.equals(b.localUser);
    }
}
