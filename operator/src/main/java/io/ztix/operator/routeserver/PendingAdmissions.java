package io.ztix.operator.routeserver;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.joinrequest.Membership;
import java.util.Collection;

/**
 * Whether approved requests of a network are still on their way to admission: each admission changes the route
 * servers' desired configuration once more, so the apply batching waits for them (bounded, see {@link ApplyScheduler}).
 */
final class PendingAdmissions {

    private PendingAdmissions() {
    }

    /** An approval that stands, no admitted record yet, and not failed (a failure waits for an admin). */
    static boolean any(Collection<JoinRequest> requestsOfNetwork) {
        return requestsOfNetwork.stream().anyMatch(request -> request.getSpec() != null
                && Membership.decisionStands(request.getSpec().approval)
                && (request.getStatus() == null || request.getStatus().admitted == null
                        && request.getStatus().phase != Phase.Failed));
    }
}
