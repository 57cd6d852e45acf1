package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.NodeClaim;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.testing.kubeapi.server.RequestLog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal claims a node with a Lease before it creates a request ({@link NodeClaim}). A request created with
 * kubectl takes no claim: while a live portal request holds the node's claim, approving the kubectl request
 * does not admit it (a NodeIdConflict, as for two requests of one node); it is admitted once the holder is
 * rejected. A claim that cannot be read keeps it waiting, and no claim ever takes the node from an admitted member.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class NodeClaimHonouredTest {

    private static final String TOKEN = "claim-token";
    private static final String CONTROLLER = "0c0ffee002";
    private static final String NODE = "aabbccdd02";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    MembershipMetrics metrics;

    private SelfHostedFake controller;
    private Cluster cluster;
    private String networkId;

    @BeforeEach
    void manuallyApprovedNetwork() {
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, api, "claim-" + UUID.randomUUID().toString().substring(0, 6));
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        networkId = CONTROLLER + suffix;
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), suffix)).create();
        cluster.awaitNetworkReady("ix");
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void anApprovedKubectlRequestDoesNotTakeANodeThatAPendingPortalRequestClaims() {
        String portal = portalRequest(64501);
        cluster.awaitPhase(portal, Phase.Pending);

        String kubectl = kubectlRequestApproved(64502);

        awaitConflictNaming(kubectl, portal);
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.events())
                .anyMatch(e -> "NodeIdConflict".equals(e.getReason()) && kubectl.equals(e.getInvolvedObject().getName())));
        assertThat(metrics.conflicts(cluster.namespace(), "ix")).as("counted as a conflict for the admins").isEqualTo(1);
        await().pollDelay(Duration.ofSeconds(4)).atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(cluster.request(kubectl).getStatus().admitted).as("still not admitted after a resync").isNull();
            assertThat(controller.member(networkId, NODE)).as("the node is not authorized for the kubectl request").isEmpty();
        });

        cluster.setApproval(portal, rejected("not ours", "bob"));

        JoinRequest taken = cluster.awaitPhase(kubectl, Phase.Active);
        assertThat(taken.getStatus().admitted.asn).isEqualTo(64502);
        assertThat(controller.member(networkId, NODE).orElseThrow().get("name").asText()).startsWith("AS64502");
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(metrics.conflicts(cluster.namespace(), "ix")).isZero());
    }

    @Test
    void theClaimsHolderGoesBeforeAnOlderApprovedKubectlRequest() {
        String kubectl = kubectlRequest(64511, null);
        cluster.awaitPhase(kubectl, Phase.Pending);
        String portal = portalRequest(64512); // a portal whose cache had not seen the kubectl request yet
        cluster.setApproval(kubectl, approved("alice"));
        awaitConflictNaming(kubectl, portal);

        cluster.setApproval(portal, approved("alice"));

        JoinRequest admitted = cluster.awaitPhase(portal, Phase.Active);
        assertThat(admitted.getStatus().admitted.asn).isEqualTo(64512);
        awaitConflictNaming(kubectl, portal);
        assertThat(controller.member(networkId, NODE).orElseThrow().get("name").asText()).startsWith("AS64512");
    }

    @Test
    void aClaimThatCannotBeReadKeepsTheRequestWaitingAndSaysSo() {
        String portal = portalRequest(64521);
        String lease = NodeClaim.leaseName("ix", NODE);
        api.expect().get().withPath("/apis/coordination.k8s.io/v1/namespaces/" + cluster.namespace() + "/leases/" + lease)
                .andReturn(403, new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                        .withMessage("leases \"" + lease + "\" is forbidden").build())
                .always();

        String kubectl = kubectlRequestApproved(64522);

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(kubectl);
            assertThat(seen.getStatus()).isNotNull();
            var valid = Conditions.find(seen.getStatus().conditions, JoinRequest.COND_VALID).orElseThrow();
            assertThat(valid.reason).isEqualTo("NodeIdConflict");
            assertThat(valid.message).contains(lease).contains("could not be read").contains("forbidden");
        });
        await().pollDelay(Duration.ofSeconds(4)).atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(cluster.request(kubectl).getStatus().admitted).isNull();
            assertThat(cluster.request(kubectl).getStatus().assignedIps).isNull();
            assertThat(controller.member(networkId, NODE)).isEmpty();
        });
        assertThat(cluster.request(portal).getStatus().phase).isEqualTo(Phase.Pending);
    }

    @Test
    void aClaimNeverTakesTheNodeFromAnAdmittedMember() {
        String member = kubectlRequestApproved(64531);
        JoinRequest active = cluster.awaitPhase(member, Phase.Active);
        // a portal that raced the member's admission: its request claims the node anyway
        String portal = portalRequest(64532);
        cluster.setApproval(portal, approved("alice"));

        awaitConflictNaming(portal, member);
        await().pollDelay(Duration.ofSeconds(4)).atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest now = cluster.request(member);
            assertThat(now.getStatus().phase).isEqualTo(Phase.Active);
            assertThat(now.getStatus().admitted.ipv6).isEqualTo(active.getStatus().admitted.ipv6);
            assertThat(controller.member(networkId, NODE).orElseThrow().get("name").asText()).startsWith("AS64531");
        });
    }

    @Test
    void aRequestWhoseNodeNobodyElseNamesCostsNoLeaseRead() throws InterruptedException {
        api.requests().clear();
        String alone = kubectlRequestApproved(64541);
        cluster.awaitPhase(alone, Phase.Active);

        List<String> leaseReads = new ArrayList<>();
        String claims = "/namespaces/" + cluster.namespace() + "/leases/" + NodeClaim.LEASE_PREFIX;
        int seen = 0;
        for (RequestLog.Entry e = api.requests().take(0, TimeUnit.SECONDS); e != null; e = api.requests().take(0, TimeUnit.SECONDS)) {
            seen++;
            if (e.path().contains(claims)) {
                leaseReads.add(e.method() + " " + e.path());
            }
        }
        assertThat(seen).as("the log holds the admission's calls").isPositive();
        assertThat(leaseReads).isEmpty();
    }

    /** As the portal does it: the claim first (a Lease held by the request's name), then the request. */
    private String portalRequest(long asn) {
        String name = JoinRequest.nameFor("ix", asn, NODE);
        Lease claim = new LeaseBuilder().withNewMetadata().withName(NodeClaim.leaseName("ix", NODE))
                .withNamespace(cluster.namespace()).endMetadata().withNewSpec().withHolderIdentity(name).endSpec().build();
        KubernetesClient portal = cluster.portal();
        if (portal.resources(Lease.class).inNamespace(cluster.namespace()).withName(claim.getMetadata().getName()).get() == null) {
            portal.resource(claim).create();
        } else {
            portal.resources(Lease.class).inNamespace(cluster.namespace()).withName(claim.getMetadata().getName())
                    .edit(l -> new LeaseBuilder(l).editSpec().withHolderIdentity(name).endSpec().build());
        }
        return cluster.submit(request(cluster.namespace(), "ix", asn, NODE, peeringDbUser(asn, true))).getMetadata().getName();
    }

    /** As an admin applies one with kubectl: approved by themselves, no requester, no claim. */
    private String kubectlRequestApproved(long asn) {
        return kubectlRequest(asn, approved("alice"));
    }

    private String kubectlRequest(long asn, Approval approval) {
        JoinRequest request = request(cluster.namespace(), "ix", asn, NODE, null);
        request.getSpec().approval = approval;
        return cluster.admin("alice").resource(request).create().getMetadata().getName();
    }

    private void awaitConflictNaming(String refused, String owner) {
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(refused);
            assertThat(seen.getStatus()).as("status").isNotNull();
            var valid = Conditions.find(seen.getStatus().conditions, JoinRequest.COND_VALID).orElseThrow();
            assertThat(valid.reason).isEqualTo("NodeIdConflict");
            assertThat(valid.message).contains(owner);
            assertThat(seen.getStatus().assignedIps).as("no addresses").isNull();
            assertThat(seen.getStatus().admitted).isNull();
        });
    }
}
