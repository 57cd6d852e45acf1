package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.reading.TolerantReading;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ZeroTier node belongs to at most one live request per network. The first admitted request owns it; among
 * approved requests not admitted yet, the oldest. Another request naming the same node (another ASN's hijack
 * attempt, or a typo) is refused before any address is allocated, and nothing done to it (withdrawal,
 * rejection, deletion) ever touches the owner's node on the controller. Claims made in this process are
 * remembered, so two approvals seen at once cannot both win while the cache catches up.
 */
final class NodeOwnership {

    private final Map<String, String> claims = new ConcurrentHashMap<>();

    /** The other request that owns this request's node, if any. */
    Optional<JoinRequest> otherOwner(JoinRequest request, Collection<JoinRequest> sameNetwork) {
        String node = Membership.nodeOf(request);
        String network = Membership.networkOf(request);
        String uid = request.getMetadata().getUid();
        var rivals = sameNetwork.stream()
                .filter(r -> !Objects.equals(r.getMetadata().getUid(), uid))
                .filter(r -> node != null && node.equals(Membership.nodeOf(r)) && Objects.equals(network, Membership.networkOf(r)))
                .filter(NodeOwnership::holdsItsNode)
                .toList();
        Optional<JoinRequest> admitted = rivals.stream().filter(r -> Membership.admitted(r) != null)
                .min(Comparator.comparing((JoinRequest r) -> String.valueOf(Membership.admitted(r).admittedAt)));
        if (admitted.isPresent()) {
            return admitted;
        }
        String claimant = claims.get(key(request, node, network));
        if (claimant != null && !claimant.equals(uid)) {
            Optional<JoinRequest> claiming = rivals.stream().filter(r -> claimant.equals(r.getMetadata().getUid())).findFirst();
            if (claiming.isPresent()) {
                return claiming;
            }
            claims.remove(key(request, node, network), claimant); // that request is gone or no longer approved
        }
        return rivals.stream().filter(r -> olderThan(r, request)).min(NodeOwnership::byAge);
    }

    /** True when this request may take the node (and from now on holds the claim). */
    boolean claim(JoinRequest request) {
        String uid = request.getMetadata().getUid();
        String existing = claims.putIfAbsent(key(request, Membership.nodeOf(request), Membership.networkOf(request)), uid);
        return existing == null || existing.equals(uid);
    }

    void release(JoinRequest request) {
        claims.remove(key(request, Membership.nodeOf(request), Membership.networkOf(request)), request.getMetadata().getUid());
    }

    /** Another request was admitted with this request's node: it owns the node, which must not be deleted. */
    Optional<JoinRequest> sharedWith(JoinRequest request, Collection<JoinRequest> sameNetwork) {
        String node = Membership.nodeOf(request);
        return sameNetwork.stream()
                .filter(r -> !Objects.equals(r.getMetadata().getUid(), request.getMetadata().getUid()))
                .filter(r -> node != null && node.equals(Membership.nodeOf(r))
                        && Objects.equals(Membership.networkOf(request), Membership.networkOf(r)))
                .filter(r -> Membership.admitted(r) != null)
                .findFirst();
    }

    /** Admitted (until its node is removed), or approved and live; an unreadable one keeps what it had. */
    private static boolean holdsItsNode(JoinRequest r) {
        AdmittedMember admitted = Membership.admitted(r);
        if (admitted != null) {
            return true;
        }
        if (r.getMetadata().getDeletionTimestamp() != null || TolerantReading.isUnreadable(r) || r.getSpec() == null) {
            return false;
        }
        return Membership.decisionStands(r.getSpec().approval);
    }

    private static boolean olderThan(JoinRequest a, JoinRequest b) {
        return byAge(a, b) < 0;
    }

    private static int byAge(JoinRequest a, JoinRequest b) {
        int byTime = String.valueOf(a.getMetadata().getCreationTimestamp()).compareTo(String.valueOf(b.getMetadata().getCreationTimestamp()));
        return byTime != 0 ? byTime : a.getMetadata().getName().compareTo(b.getMetadata().getName());
    }

    private static String key(JoinRequest request, String node, String network) {
        return request.getMetadata().getNamespace() + "/" + network + "/" + node;
    }
}
