package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node ID is held by at most one live request per network: another ASN's request for the same node (here
 * auto-approved on an AutoForVerified network) never changes the victim's member or addresses, and withdrawing,
 * rejecting or deleting it leaves the victim's node on the controller.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class NodeIdOwnershipTest {

    private static final String TOKEN = "ownership-token";
    private static final String CONTROLLER = "0c0ffee001";
    private static final String NODE = "aabbccdd01";

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
    void autoApprovingNetwork() {
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, api, "own-" + UUID.randomUUID().toString().substring(0, 6));
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        networkId = CONTROLLER + suffix;
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        ZtNetwork network = selfHostedNetwork(cluster.namespace(), "ix", controller.url(), suffix);
        network.getSpec().approval = ZtNetworkSpec.ApprovalPolicy.AutoForVerified;
        client.resource(network).create();
        cluster.awaitNetworkReady("ix");
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void anotherAsnsRequestForAnAdmittedNodeIsRefusedAndRemovingItLeavesTheVictim() {
        String victim = cluster.submit(request(cluster.namespace(), "ix", 64501, NODE, peeringDbUser(1, true)))
                .getMetadata().getName();
        JoinRequest admitted = cluster.awaitPhase(victim, Phase.Active);
        JsonNode victimMember = controller.member(networkId, NODE).orElseThrow();

        String intruder = cluster.submit(request(cluster.namespace(), "ix", 64666, NODE, peeringDbUser(666, true)))
                .getMetadata().getName();

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(intruder);
            assertThat(seen.getStatus()).as("status").isNotNull();
            assertThat(seen.getSpec().approval).as("auto-approved").isNotNull();
            var valid = Conditions.find(seen.getStatus().conditions, JoinRequest.COND_VALID).orElseThrow();
            assertThat(valid.reason).isEqualTo("NodeIdConflict");
            assertThat(valid.message).contains(victim);
            assertThat(seen.getStatus().assignedIps).as("no addresses for the intruder").isNull();
            assertThat(seen.getStatus().admitted).isNull();
        });
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.events())
                .anyMatch(e -> "NodeIdConflict".equals(e.getReason()) && intruder.equals(e.getInvolvedObject().getName())));
        assertVictimUntouched(victim, admitted, victimMember);
        assertThat(metrics.conflicts(cluster.namespace(), "ix")).isEqualTo(1);

        cluster.setApproval(intruder, rejected("node belongs to another member", "bob"));
        // the reconciliation that follows a rejection removes the node (if it removes it) before it writes Rejected:
        // the status is the signal that the removal step has run, no sleep needed
        cluster.awaitPhase(intruder, Phase.Rejected);
        assertThat(controller.requests()).as("no DELETE reached the controller").noneMatch(r -> r.method().equals("DELETE"));
        assertVictimUntouched(victim, admitted, victimMember);

        client.resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(intruder).delete();
        await().atMost(Cluster.WAIT).until(() -> cluster.request(intruder) == null);
        assertVictimUntouched(victim, admitted, victimMember);
    }

    @Test
    void whenTheOwnerLeavesTheNodeIsFreeForTheNextRequest() {
        String first = cluster.submit(request(cluster.namespace(), "ix", 64501, NODE, peeringDbUser(1, true)))
                .getMetadata().getName();
        cluster.awaitPhase(first, Phase.Active);
        String second = cluster.submit(request(cluster.namespace(), "ix", 64502, NODE, peeringDbUser(2, true)))
                .getMetadata().getName();
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(cluster.request(second).getStatus()).isNotNull();
            assertThat(Conditions.find(cluster.request(second).getStatus().conditions, JoinRequest.COND_VALID)
                    .map(c -> c.reason)).hasValue("NodeIdConflict");
        });

        client.resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(first).delete();

        JoinRequest taken = cluster.awaitPhase(second, Phase.Active);
        assertThat(taken.getStatus().admitted.asn).isEqualTo(64502);
        assertThat(controller.member(networkId, NODE).orElseThrow().get("name").asText()).startsWith("AS64502");
    }

    private void assertVictimUntouched(String victim, JoinRequest admitted, JsonNode victimMember) {
        JoinRequest now = cluster.request(victim);
        assertThat(now.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(now.getStatus().admitted.ipv6).isEqualTo(admitted.getStatus().admitted.ipv6);
        JsonNode member = controller.member(networkId, NODE).orElseThrow(() -> new AssertionError("victim's node was removed"));
        assertThat(member.get("ipAssignments")).isEqualTo(victimMember.get("ipAssignments"));
        assertThat(member.get("name")).isEqualTo(victimMember.get("name"));
        assertThat(member.get("authorized").asBoolean()).isTrue();
    }
}
