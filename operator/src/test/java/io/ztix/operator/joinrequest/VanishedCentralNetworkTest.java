package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.centralNetwork;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.common.Conditions;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.CentralFake;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An adopted Central network that disappears from the controller (deleted in Central's UI, another account's
 * token): the operator cannot recreate it, so its members are Degraded with reason NetworkMissingOnController and
 * stay members, and the event says why.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class VanishedCentralNetworkTest {

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Test
    void membersOfAnAdoptedNetworkThatVanishedAreDegradedNotRemoved() {
        String token = "central-vanish-token";
        String networkId = "8056c2e21c0000a1";
        Cluster cluster = new Cluster(client, api, "vanish-" + UUID.randomUUID().toString().substring(0, 6));
        try (CentralFake central = new CentralFake(token).start()) {
            central.createNetwork(networkId, "adopted on Central");
            client.resource(tokenSecret(cluster.namespace(), token)).create();
            client.resource(centralNetwork(cluster.namespace(), "ix", central.url(), networkId)).create();
            cluster.awaitNetworkReady("ix");
            String name = cluster.submit(request(cluster.namespace(), "ix", 64501, "aabbccdd01", peeringDbUser(1, true))).getMetadata().getName();
            cluster.setApproval(name, approved("alice"));
            cluster.awaitPhase(name, Phase.Active);

            central.wipe();

            await().atMost(Cluster.WAIT).untilAsserted(() -> {
                JoinRequest degraded = cluster.request(name);
                Condition condition = Conditions.find(degraded.getStatus().conditions, JoinRequest.COND_DEGRADED).orElseThrow();
                assertThat(condition.status).isEqualTo("True");
                assertThat(condition.reason).isEqualTo("NetworkMissingOnController");
            });
            JoinRequest degraded = cluster.request(name);
            assertThat(degraded.getStatus().admitted).as("still a member").isNotNull();
            assertThat(degraded.getStatus().phase).isEqualTo(Phase.Active);
            assertThat(cluster.events()).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("Degraded");
                assertThat(e.getInvolvedObject().getName()).isEqualTo(name);
            });
            assertThat(central.network(networkId)).as("an adopted Central network is not recreated").isEmpty();
        }
    }
}
