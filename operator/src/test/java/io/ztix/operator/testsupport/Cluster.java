package io.ztix.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads and waits on resources of one test namespace in the Kubernetes API stand-in, and writes what the other
 * callers write as they would: the portal submits JoinRequests (only it may name the requester), an approver
 * decides (decidedBy is their own user name, as the chart's admission policy demands). {@code client} is the
 * operator's own (its service account).
 */
public record Cluster(KubernetesClient client, KubeApiStandIn api, String namespace) {

    public static final Duration WAIT = Duration.ofSeconds(30);

    public JoinRequest request(String name) {
        return client.resources(JoinRequest.class).inNamespace(namespace).withName(name).get();
    }

    public ZtNetwork network(String name) {
        return client.resources(ZtNetwork.class).inNamespace(namespace).withName(name).get();
    }

    public JoinRequest awaitPhase(String name, Phase phase) {
        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = request(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(seen.getStatus().phase).as("phase of %s (lastError %s)", name, seen.getStatus().lastError).isEqualTo(phase);
        });
        return request(name);
    }

    public ZtNetwork awaitNetworkReady(String name) {
        await().atMost(WAIT).untilAsserted(() -> {
            ZtNetwork seen = network(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(Conditions.isTrue(seen.getStatus().conditions, ZtNetwork.COND_READY))
                    .as("Ready of %s: %s", name, seen.getStatus().conditions.stream().map(c -> c.type + "=" + c.status + " " + c.message).toList())
                    .isTrue();
        });
        return network(name);
    }

    /** As the portal does it for a member: creates the request with the portal's service account. */
    public JoinRequest submit(JoinRequest request) {
        return portal().resource(request).create();
    }

    /** Submits a request for (network, ASN, node) by a verified PeeringDB user and approves it as alice. */
    public String submitApproved(String networkRef, long asn, String nodeId, long peeringDbUser) {
        String name = submit(Fixtures.request(namespace, networkRef, asn, nodeId, Fixtures.peeringDbUser(peeringDbUser, true)))
                .getMetadata().getName();
        setApproval(name, Fixtures.approved("alice"));
        return name;
    }

    /**
     * As an admin does it: {@code kubectl patch joinrequest NAME --type=merge -p '{"spec":{"approval":...}}'}, as the
     * approver the decision names (alice when the decision is removed).
     */
    public void setApproval(String name, Approval approval) {
        String approver = approval == null || approval.decidedBy == null || approval.decidedBy.isBlank() ? "alice"
                : approval.decidedBy;
        mergePatch(admin(approver), name, Map.of("spec", Collections.singletonMap("approval", approval)));
    }

    /** The portal's client (its service account as the chart names it). */
    public KubernetesClient portal() {
        return api.client(api.serviceAccount("portal"));
    }

    /** A client of a member of the chart's approver group. */
    public KubernetesClient admin(String user) {
        return api.client(Identity.approver(user));
    }

    /** As {@code kubectl annotate joinrequest NAME key=value --overwrite}. */
    public void annotate(String name, String key, String value) {
        mergePatch(admin("alice"), name, Map.of("metadata", Map.of("annotations", Map.of(key, value))));
    }

    private void mergePatch(KubernetesClient caller, String name, Object patch) {
        caller.resources(JoinRequest.class).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }

    public List<Event> events() {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }
}
