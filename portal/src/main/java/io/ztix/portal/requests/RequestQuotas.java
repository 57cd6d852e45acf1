package io.ztix.portal.requests;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.auth.PortalUser;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Checks a new request against {@link RequestQuotaConfig}; counts only live requests. The form checks against the
 * portal's cache; the create checks again against the API server under {@link SubmitLocks}, so simultaneous
 * submits cannot together exceed a limit.
 */
final class RequestQuotas {

    private RequestQuotas() {
    }

    static void check(RequestQuotaConfig quota, PortalUser user, NewRequest request, Collection<JoinRequest> all) {
        long byUser = 0;
        long byAsn = 0;
        long onNetwork = 0;
        for (JoinRequest r : all) {
            if (!LiveRequests.live(r)) {
                continue;
            }
            boolean sameNetwork = Objects.equals(request.networkRef(), r.getSpec().networkRef);
            if (requestedBy(r.getSpec().requester, user)) {
                byUser++;
            }
            if (sameNetwork && Objects.equals(request.asn(), r.getSpec().asn)) {
                byAsn++;
            }
            if (sameNetwork) {
                onNetwork++;
            }
        }
        refuseAt(quota.perUser(), byUser, "error_quota_user");
        refuseAt(quota.perAsn(), byAsn, "error_quota_asn");
        refuseAt(quota.perNetwork(), onNetwork, "error_quota_network");
    }

    /** The locks a submit takes while it counts and creates ({@link SubmitLocks}): one per quota it counts against. */
    static List<String> keys(PortalUser user, NewRequest request) {
        return List.of("user/" + user.actor(), "asn/" + request.networkRef() + "/" + request.asn(),
                "network/" + request.networkRef());
    }

    private static void refuseAt(int limit, long count, String messageKey) {
        if (limit > 0 && count >= limit) {
            throw new InvalidRequest(null, messageKey, String.valueOf(limit));
        }
    }

    private static boolean requestedBy(Requester requester, PortalUser user) {
        if (requester == null) {
            return false;
        }
        return user.isLocal() ? user.localUser().equals(requester.localUser)
                : user.peeringdbId() != null && user.peeringdbId().equals(requester.peeringdbUserId);
    }
}
