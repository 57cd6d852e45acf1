package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.AdmittedMember;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.NodeClaim;
import io.ztix.api.reading.TolerantReading;
import java.util.Comparator;
import java.util.List;
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
 *
 * <p>The portal claims a node before it creates a request ({@link NodeClaim}); a request
 * created with kubectl or GitOps takes no claim. So when another live request that is not admitted names the node
 * (pending, or approved), the claim decides between them: a request does not take a node whose claim another live
 * request holds, and the holder goes before older approved rivals. That costs one read, only then; a claim that
 * cannot be read is no permission (the request keeps waiting). An admitted owner stays the owner whatever a claim says.
 */
final class NodeOwnership {

    private final Map<String, String> claims = new ConcurrentHashMap<>();

    /**
     * The other request that owns this request's node, if any.
     *
     * @throws NodeClaimLeases.Unreadable when the node's claim decides and cannot be read
     */
    Optional<JoinRequest> otherOwner(JoinRequest request, NetworkPeers peers, NodeClaimLeases leases) {
        String node = Membership.nodeOf(request);
        String network = Membership.networkOf(request);
        String uid = request.getMetadata().getUid();
        List<JoinRequest> sameNode = peers.sameNode().stream()
                .filter(r -> !Objects.equals(r.getMetadata().getUid(), uid))
                .filter(r -> node != null && node.equals(Membership.nodeOf(r)) && Objects.equals(network, Membership.networkOf(r)))
                .toList();
        List<JoinRequest> rivals = sameNode.stream().filter(NodeOwnership::holdsItsNode).toList();
        Optional<JoinRequest> admitted = rivals.stream().filter(r -> Membership.admitted(r) != null)
                .min(Comparator.comparing((JoinRequest r) -> String.valueOf(Membership.admitted(r).admittedAt)));
        if (admitted.isPresent()) {
            return admitted;
        }
        List<JoinRequest> live = sameNode.stream().filter(NodeOwnership::live).toList();
        boolean holdsTheClaim = false;
        if (!live.isEmpty()) {
            Optional<String> holder = leases.holder(request.getMetadata().getNamespace(), network, node);
            holdsTheClaim = holder.filter(request.getMetadata().getName()::equals).isPresent();
            Optional<JoinRequest> holding = live.stream()
                    .filter(r -> holder.filter(r.getMetadata().getName()::equals).isPresent()).findFirst();
            if (holding.isPresent()) {
                release(request); // it may have claimed here before the holder appeared
                return holding;
            }
        }
        String claimant = claims.get(key(request, node, network));
        if (claimant != null && !claimant.equals(uid)) {
            Optional<JoinRequest> claiming = rivals.stream().filter(r -> claimant.equals(r.getMetadata().getUid())).findFirst();
            if (claiming.isPresent()) {
                return claiming;
            }
            claims.remove(key(request, node, network), claimant); // that request is gone or no longer approved
        }
        // the claim's holder goes first: older approved rivals without it wait for it (they see it is held)
        return holdsTheClaim ? Optional.empty() : rivals.stream().filter(r -> olderThan(r, request)).min(NodeOwnership::byAge);
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
    Optional<JoinRequest> sharedWith(JoinRequest request, NetworkPeers peers) {
        String node = Membership.nodeOf(request);
        return peers.sameNode().stream()
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

    /** Not admitted yet, readable, and live as the portal counts it (neither rejected nor being deleted). */
    private static boolean live(JoinRequest r) {
        return Membership.admitted(r) == null && !TolerantReading.isUnreadable(r) && NodeClaim.live(r);
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
