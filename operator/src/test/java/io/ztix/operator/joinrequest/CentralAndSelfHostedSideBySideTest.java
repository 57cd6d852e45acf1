package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.centralNetwork;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.CentralFake;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class CentralAndSelfHostedSideBySideTest {

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Test
    void oneOperatorServesACentralAndASelfHostedNetworkAtOnce() {
        String centralToken = "central-api-token";
        String selfHostedToken = "self-hosted-token";
        String centralNetworkId = "8056c2e21c000001";
        Cluster central = new Cluster(client, api, "c-" + UUID.randomUUID().toString().substring(0, 8));
        Cluster selfHosted = new Cluster(client, api, "s-" + UUID.randomUUID().toString().substring(0, 8));
        try (CentralFake centralApi = new CentralFake(centralToken).start();
                SelfHostedFake controller = SelfHostedFake.started("c0ffee0001", selfHostedToken)) {
            centralApi.createNetwork(centralNetworkId, "adopted on Central");
            client.resource(tokenSecret(central.namespace(), centralToken)).create();
            client.resource(tokenSecret(selfHosted.namespace(), selfHostedToken)).create();
            client.resource(centralNetwork(central.namespace(), "ix", centralApi.url(), centralNetworkId)).create();
            client.resource(selfHostedNetwork(selfHosted.namespace(), "ix", controller.url(), "00aa01")).create();
            central.awaitNetworkReady("ix");
            selfHosted.awaitNetworkReady("ix");

            String onCentral = JoinRequest.nameFor("ix", 64501, "aabbccdd01");
            String onSelfHosted = JoinRequest.nameFor("ix", 64502, "aabbccdd02");
            central.submit(request(central.namespace(), "ix", 64501, "aabbccdd01", peeringDbUser(1, true)));
            selfHosted.submit(request(selfHosted.namespace(), "ix", 64502, "aabbccdd02", peeringDbUser(2, true)));
            central.setApproval(onCentral, approved("alice"));
            selfHosted.setApproval(onSelfHosted, approved("alice"));

            central.awaitPhase(onCentral, Phase.Active);
            selfHosted.awaitPhase(onSelfHosted, Phase.Active);

            JsonNode centralMember = centralApi.member(centralNetworkId, "aabbccdd01").orElseThrow();
            assertThat(centralMember.at("/config/authorized").asBoolean()).isTrue();
            assertThat(centralMember.at("/config/noAutoAssignIps").asBoolean()).isTrue();
            assertThat(centralMember.at("/config/ipAssignments").toString()).contains("2001:db8:ff:0:6:4501:0:1");
            assertThat(centralMember.get("name").asText()).startsWith("AS64501");
            JsonNode selfHostedMember = controller.member("c0ffee000100aa01", "aabbccdd02").orElseThrow();
            assertThat(selfHostedMember.get("authorized").asBoolean()).isTrue();
            assertThat(selfHostedMember.get("ipAssignments").toString()).contains("2001:db8:ff:0:6:4502:0:1");
        }
    }
}
