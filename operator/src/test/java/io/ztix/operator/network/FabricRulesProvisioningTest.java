package io.ztix.operator.network;

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
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.network.fabric.FabricRules;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.RecordedRequest;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.operator.zerotier.rules.RuleSet;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ZtNetwork's flow rules on a (fake) self-hosted controller: written once, kept, corrected, reported. */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class FabricRulesProvisioningTest {

    private static final String TOKEN = "controller-secret-token-17";
    private static final String CONTROLLER = "b23b7482a7";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private SelfHostedFake controller;
    private Cluster cluster;
    private String networkId;

    @BeforeEach
    void controllerAndNamespace() {
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, api, "f-" + UUID.randomUUID().toString().substring(0, 8));
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        networkId = CONTROLLER + suffix;
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        ZtNetwork network = selfHostedNetwork(cluster.namespace(), "ix", controller.url(), suffix);
        network.getSpec().fabric.routeServerNodeIds = List.of("ee00000001");
        client.resource(network).create();
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    private RuleSet expected(ZtNetwork network) {
        return FabricRules.forNetwork(network.getSpec().fabric, "2001:db8:ff::/64", "203.0.113.0/24").orElseThrow();
    }

    private JsonNode storedRules() {
        return controller.network(networkId).orElseThrow().get("rules");
    }

    private List<RecordedRequest> networkWrites() {
        return controller.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/controller/network/" + networkId)).toList();
    }

    /**
     * Waits until {@code n} drift checks have ended since the requests were cleared: each reads the network, writes
     * what differs, and ends by listing the members, so once that list is read the check's writes are in.
     */
    private void awaitDriftChecks(int n) {
        await().atMost(Cluster.WAIT).until(() -> controller.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/controller/network/" + networkId + "/member")).count() >= n);
    }

    private Condition fabricCondition() {
        return Conditions.find(cluster.network("ix").getStatus().conditions, ZtNetwork.COND_FABRIC_RULES).orElseThrow();
    }

    @Test
    void aNewNetworkGetsTheFabricRulesAndMtu1500InItsFirstWriteAndStatusShowsTheirHash() {
        ZtNetwork ready = cluster.awaitNetworkReady("ix");
        RuleSet rules = expected(ready);

        assertThat(rules.sameAs(storedRules())).as("stored rules %s, expected %s", storedRules(), rules.rules()).isTrue();
        assertThat(controller.network(networkId).orElseThrow().get("mtu").asInt()).isEqualTo(1500);
        assertThat(networkWrites()).hasSize(1);
        assertThat(ready.getStatus().fabric.rulesHash).isEqualTo(rules.hash());
        assertThat(ready.getStatus().fabric.rules).isEqualTo(rules.size());
        assertThat(fabricCondition().status).isEqualTo(Condition.TRUE);
        assertThat(fabricCondition().message).contains(rules.hash());
    }

    @Test
    void unchangedRulesAreNotWrittenAgain() {
        cluster.awaitNetworkReady("ix");
        controller.clearRequests();

        awaitDriftChecks(2);

        assertThat(controller.requests()).as("requests after the network was ready").isNotEmpty()
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void rulesEditedOnTheControllerAreCorrectedWithAnEvent() {
        cluster.awaitNetworkReady("ix");
        controller.editNetwork(networkId, "{\"rules\":[{\"type\":\"ACTION_ACCEPT\"}]}");

        await().atMost(Cluster.WAIT).untilAsserted(() ->
                assertThat(expected(cluster.network("ix")).sameAs(storedRules())).isTrue());
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.events())
                .anySatisfy(e -> assertThat(e.getMessage()).contains("rules differed from the spec")));
    }

    @Test
    void switchingAProtectionOffRewritesTheRulesAndTheHash() {
        String before = cluster.awaitNetworkReady("ix").getStatus().fabric.rulesHash;
        client.resources(ZtNetwork.class).inNamespace(cluster.namespace()).withName("ix").edit(n -> {
            n.getSpec().fabric.limitMulticast = false;
            return n;
        });

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            ZtNetwork seen = cluster.network("ix");
            assertThat(seen.getStatus().fabric.rulesHash).isNotEqualTo(before).isEqualTo(expected(seen).hash());
            assertThat(expected(seen).sameAs(storedRules())).isTrue();
        });
    }

    @Test
    void aControllerThatDropsTheRulesIsReportedAndTheWriteRetried() {
        cluster.awaitNetworkReady("ix");
        controller.editNetwork(networkId, "{\"rules\":[{\"type\":\"ACTION_ACCEPT\"}]}");
        controller.ignoreNextWriteOf("rules");

        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.events())
                .anySatisfy(e -> assertThat(e.getMessage()).contains("field 'rules'")));
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(expected(cluster.network("ix")).sameAs(storedRules())).isTrue();
            assertThat(fabricCondition().status).isEqualTo(Condition.TRUE);
        });
    }

    @Test
    void unmanagedRulesAreLeftAsTheyAre() {
        cluster.awaitNetworkReady("ix");
        client.resources(ZtNetwork.class).inNamespace(cluster.namespace()).withName("ix").edit(n -> {
            n.getSpec().fabric.manageRules = false;
            return n;
        });
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(fabricCondition().reason).isEqualTo("NotManaged"));
        controller.editNetwork(networkId, "{\"rules\":[{\"type\":\"ACTION_DROP\"}]}");
        controller.clearRequests();

        awaitDriftChecks(2); // the operator has looked at the edited network since, twice

        assertThat(storedRules().toString()).isEqualTo("[{\"type\":\"ACTION_DROP\"}]");
        assertThat(networkWrites()).isEmpty();
        assertThat(cluster.network("ix").getStatus().fabric).isNull();
    }

    @Test
    void aRouteServerNodeIdListedTwiceIsAnInvalidSpec() {
        cluster.awaitNetworkReady("ix");
        client.resources(ZtNetwork.class).inNamespace(cluster.namespace()).withName("ix").edit(n -> {
            n.getSpec().fabric.routeServerNodeIds = List.of("ee00000001", "ee00000001");
            return n;
        });
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            Condition ready = Conditions.find(cluster.network("ix").getStatus().conditions, ZtNetwork.COND_READY).orElseThrow();
            assertThat(ready.reason).isEqualTo("InvalidSpec");
            assertThat(ready.message).contains("ee00000001 is listed twice");
        });
    }
}
