package io.ztix.portal.requests;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.ztix.api.common.ApiGroup;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.NodeClaim;
import io.ztix.portal.kube.ZtixNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One node ID per network, made impossible to break by two portals or two submits at the same moment: before
 * the portal creates a JoinRequest it takes a node-keyed claim, a Lease named
 * {@code ztix-node-<network>-<nodeId>} whose holder is the request's name. Creating the Lease is atomic in the
 * API server (a second create gets 409); taking over a claim whose holder is gone, rejected or being deleted is
 * an update with the read resourceVersion, so of two concurrent takeovers one gets 409. The created request
 * becomes the Lease's owner, so Kubernetes deletes the claim with the request. Requests created outside the
 * portal (kubectl, GitOps) take no claim: the portal's cache check covers them, and the operator admits none of
 * them while another live request holds the node's claim (it reads the Lease when such a rival exists).
 */
@ApplicationScoped
public class NodeClaims {

    private static final Logger LOG = Logger.getLogger(NodeClaims.class);

    @Inject
    KubernetesClient client;

    @Inject
    ZtixNamespace namespace;

    /**
     * How long a claim whose request does not exist is kept for the portal that is creating that request; after
     * that (the portal died between claim and create) another request may take it over.
     */
    static final Duration CREATE_GRACE = Duration.ofMinutes(1);

    static String claimName(String network, String nodeId) {
        return NodeClaim.leaseName(network, nodeId);
    }

    /**
     * Takes the claim of ({@code network}, {@code nodeId}) for the request {@code requestName}.
     *
     * @return true when this call created or took over the claim (then {@link #release} undoes it), false when
     *         the request held it already
     * @throws NodeIdTaken naming the live holder, or naming nobody when another portal won a race just now
     */
    public boolean claim(String network, String nodeId, String requestName) {
        String name = claimName(network, nodeId);
        if (tryCreate(name, network, nodeId, requestName)) {
            return true;
        }
        Lease existing = leases().withName(name).get();
        if (existing == null) {
            // deleted (garbage-collected with its request) between our create and our read: one more try
            if (tryCreate(name, network, nodeId, requestName)) {
                return true;
            }
            throw new NodeIdTaken(null);
        }
        String holder = existing.getSpec() == null ? null : existing.getSpec().getHolderIdentity();
        if (requestName.equals(holder)) {
            return false;
        }
        if (holder != null) {
            JoinRequest holding = joinRequest(holder);
            if (LiveRequests.live(holding)) {
                throw new NodeIdTaken(holder);
            }
            if (holding == null && !olderThan(existing, CREATE_GRACE)) {
                // the holder's portal has just claimed and is creating its request right now
                throw new NodeIdTaken(null);
            }
        }
        existing.getSpec().setHolderIdentity(requestName);
        existing.getSpec().setAcquireTime(now());
        existing.getMetadata().setOwnerReferences(List.of());
        try {
            leases().resource(existing).update();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                throw new NodeIdTaken(null);
            }
            throw e;
        }
    }

    /** Makes the created request the claim's owner, so the claim goes when the request is deleted. */
    public void own(JoinRequest created) {
        String name = claimName(created.getSpec().networkRef, created.getSpec().nodeId);
        try {
            Lease lease = leases().withName(name).get();
            if (lease == null || lease.getSpec() == null
                    || !created.getMetadata().getName().equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            lease.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                    .withApiVersion(ApiGroup.GROUP + "/" + ApiGroup.VERSION).withKind("JoinRequest")
                    .withName(created.getMetadata().getName()).withUid(created.getMetadata().getUid()).build()));
            leases().resource(lease).update();
        } catch (KubernetesClientException e) {
            // the claim still names its holder; a later claimant sees the holder and checks it
            LOG.warnf("could not make %s the owner of node claim %s: %s", created.getMetadata().getName(), name,
                    e.getMessage());
        }
    }

    /** Gives a claim back: the request could not be created, or it was withdrawn. */
    public void release(String network, String nodeId, String requestName) {
        String name = claimName(network, nodeId);
        try {
            Lease lease = leases().withName(name).get();
            if (lease != null && lease.getSpec() != null && requestName.equals(lease.getSpec().getHolderIdentity())) {
                leases().resource(lease).lockResourceVersion().delete();
            }
        } catch (KubernetesClientException e) {
            LOG.warnf("could not release node claim %s: %s", name, e.getMessage());
        }
    }

    private boolean tryCreate(String name, String network, String nodeId, String requestName) {
        Lease lease = new LeaseBuilder().withNewMetadata().withName(name).withNamespace(namespace.name())
                .addToLabels("app.kubernetes.io/managed-by", "zt-ix-portal")
                .addToLabels("ztix.io/network", network).addToLabels("ztix.io/node-id", nodeId).endMetadata()
                .withNewSpec().withHolderIdentity(requestName).withAcquireTime(now()).endSpec().build();
        try {
            leases().resource(lease).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }

    private static boolean olderThan(Lease lease, Duration age) {
        ZonedDateTime acquired = lease.getSpec() == null ? null : lease.getSpec().getAcquireTime();
        return acquired == null || acquired.toInstant().isBefore(Instant.now().minus(age));
    }

    private JoinRequest joinRequest(String name) {
        return client.resources(JoinRequest.class).inNamespace(namespace.name()).withName(name).get();
    }

    private NonNamespaceOperation<Lease, KubernetesResourceList<Lease>, Resource<Lease>> leases() {
        return client.resources(Lease.class).inNamespace(namespace.name());
    }
}
