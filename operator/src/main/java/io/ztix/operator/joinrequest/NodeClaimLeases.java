package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.api.joinrequest.NodeClaim;
import java.util.Optional;

/**
 * Who holds the portal's claim on a node ({@link NodeClaim}): one GET of one Lease. Asked only when another live
 * request of the network names the same node, so a member whose node nobody else names costs no call.
 */
final class NodeClaimLeases {

    /** The claim could not be read: that is no permission to take the node. */
    static final class Unreadable extends RuntimeException {

        Unreadable(String lease, RuntimeException cause) {
            super("its claim (Lease " + lease + ") could not be read: " + why(cause), cause);
        }

        private static String why(RuntimeException e) {
            if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
                return "HTTP " + k.getCode() + ", " + k.getStatus().getMessage();
            }
            return e.getMessage();
        }
    }

    private final KubernetesClient client;

    NodeClaimLeases(KubernetesClient client) {
        this.client = client;
    }

    /**
     * The name of the request that holds the claim, or empty when nobody claims the node.
     *
     * @throws Unreadable when the API refuses or fails the read
     */
    Optional<String> holder(String namespace, String network, String node) {
        String name = NodeClaim.leaseName(network, node);
        Lease lease;
        try {
            lease = client.resources(Lease.class).inNamespace(namespace).withName(name).get();
        } catch (RuntimeException e) {
            throw new Unreadable(name, e);
        }
        return lease == null || lease.getSpec() == null ? Optional.empty()
                : Optional.ofNullable(lease.getSpec().getHolderIdentity()).filter(h -> !h.isBlank());
    }
}
