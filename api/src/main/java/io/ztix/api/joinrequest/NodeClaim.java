package io.ztix.api.joinrequest;

/**
 * The claim on a ZeroTier node of a network that the portal takes before it creates a JoinRequest for it: a
 * coordination.k8s.io Lease in the request's namespace named {@code ztix-node-<network>-<nodeId>}, whose
 * holderIdentity is the request's name. The portal creates and takes over these Leases; the operator reads one
 * when another live request names the same node, and does not let a request without the claim take the node.
 */
public final class NodeClaim {

    public static final String LEASE_PREFIX = "ztix-node-";

    private NodeClaim() {
    }

    public static String leaseName(String network, String nodeId) {
        return LEASE_PREFIX + network + "-" + nodeId;
    }

    /**
     * A request that holds its node (and its claim) while it lives: neither rejected nor being deleted — pending,
     * approved, being set up, active or failed. The portal and the operator apply this one rule.
     */
    public static boolean live(JoinRequest r) {
        if (r == null || r.getSpec() == null || r.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        Approval approval = r.getSpec().approval;
        boolean rejected = (approval != null && approval.decision == Approval.Decision.Rejected)
                || (r.getStatus() != null && r.getStatus().phase == Phase.Rejected);
        return !rejected;
    }
}
