package io.ztix.portal.requests;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.NodeClaim;
import java.util.Collection;
import java.util.List;

/**
 * Which requests still hold their node ID and count against quotas: every request that is neither rejected
 * nor being deleted (pending, approved, being set up, active, failed).
 */
public final class LiveRequests {

    private LiveRequests() {
    }

    public static boolean live(JoinRequest r) {
        return NodeClaim.live(r);
    }

    /** The live requests of {@code network} for {@code nodeId}, other than the one named {@code except}. */
    public static List<JoinRequest> holdingNode(Collection<JoinRequest> requests, String network, String nodeId,
            String except) {
        return requests.stream().filter(LiveRequests::live)
                .filter(r -> network.equals(r.getSpec().networkRef) && nodeId.equals(r.getSpec().nodeId))
                .filter(r -> !r.getMetadata().getName().equals(except))
                .toList();
    }
}
