package io.ztix.operator.network;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
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
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Somebody changes ZT-IX's network or a member in place on the controller (another admin, a script, a
 * restored backup): the operator puts back what the spec and the admitted record say, and says so in an event.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class DriftRepairTest {

    private static final String TOKEN = "drift-token";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private SelfHostedFake controller;
    private Cluster cluster;
    private String networkId;

    @BeforeEach
    void readyNetwork() {
        controller = SelfHostedFake.started("0d0d0d0d01", TOKEN);
        cluster = new Cluster(client, api, "drift-" + UUID.randomUUID().toString().substring(0, 8));
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), "0d0d01")).create();
        networkId = cluster.awaitNetworkReady("ix").getStatus().networkId;
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void networkSettingsChangedOnTheControllerAreCorrected() {
        JsonNode desired = controller.network(networkId).orElseThrow();
        controller.editNetwork(networkId, "{\"mtu\":1280,\"private\":false,\"v6AssignMode\":{\"zt\":true}}");
        assertThat(controller.network(networkId).orElseThrow().get("mtu").asInt()).isEqualTo(1280);

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JsonNode now = controller.network(networkId).orElseThrow();
            assertThat(now.get("mtu")).isEqualTo(desired.get("mtu"));
            assertThat(now.get("private")).isEqualTo(desired.get("private"));
            assertThat(now.get("v6AssignMode")).isEqualTo(desired.get("v6AssignMode"));
        });
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.events()).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("NetworkUpdated");
            assertThat(e.getMessage()).contains("differed from the spec");
        }));
    }

    @Test
    void aMemberDeauthorizedOrReaddressedOnTheControllerIsPutBackAsAdmitted() {
        JoinRequest created = cluster.submit(request(cluster.namespace(), "ix", 64501, "aabbccdd01", peeringDbUser(1, true)));
        String name = created.getMetadata().getName();
        cluster.setApproval(name, approved("alice"));
        JoinRequest active = cluster.awaitPhase(name, Phase.Active);
        String ipv6 = active.getStatus().admitted.ipv6;
        assertThat(controller.member(networkId, "aabbccdd01").orElseThrow().get("authorized").asBoolean()).isTrue();

        controller.editMember(networkId, "aabbccdd01", "{\"authorized\":false,\"ipAssignments\":[\"2001:db8:ff::bad\"]}");

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JsonNode member = controller.member(networkId, "aabbccdd01").orElseThrow();
            assertThat(member.get("authorized").asBoolean()).as("authorized again").isTrue();
            assertThat(member.get("ipAssignments").toString()).contains(ipv6.replaceFirst("/.*", ""))
                    .doesNotContain("2001:db8:ff::bad");
        });
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.events()).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("MemberAuthorized");
            assertThat(e.getMessage()).contains("authorized again");
        }));
        assertThat(cluster.request(name).getStatus().phase).as("a member throughout").isEqualTo(Phase.Active);
    }
}
