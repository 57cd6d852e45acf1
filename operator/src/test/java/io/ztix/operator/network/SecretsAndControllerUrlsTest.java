package io.ztix.operator.network;

import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whoever may write a ZtNetwork cannot make the operator a confused deputy: it sends a controller token only
 * from a Secret meant for that (labelled, or named in its configuration) and only to a URL the policy allows,
 * and says why not in the ZtNetwork's status.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class SecretsAndControllerUrlsTest {

    private static final String TOKEN = "deputy-test-token-1";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private SelfHostedFake controller;
    private Cluster cluster;

    @BeforeEach
    void controllerAndNamespace() {
        controller = SelfHostedFake.started("c0ffee0001", TOKEN);
        cluster = new Cluster(client, api, "d-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    private void secret(String name, String label) {
        var metadata = new SecretBuilder().withNewMetadata().withNamespace(cluster.namespace()).withName(name);
        if (label != null) {
            metadata.addToLabels(SecretPurpose.LABEL, label);
        }
        client.resource(metadata.endMetadata().addToStringData("token", TOKEN).build()).create();
    }

    private void network(String url, String secretName) {
        ZtNetwork network = selfHostedNetwork(cluster.namespace(), "ix", url, "00d001");
        network.getSpec().controller.tokenSecretRef = new SecretKeyRef(secretName, "token");
        client.resource(network).create();
    }

    private Condition awaitNotReady() {
        await().atMost(Cluster.WAIT).until(() -> {
            ZtNetwork seen = cluster.network("ix");
            return seen.getStatus() != null && Conditions.find(seen.getStatus().conditions, ZtNetwork.COND_READY).isPresent();
        });
        Condition ready = Conditions.find(cluster.network("ix").getStatus().conditions, ZtNetwork.COND_READY).orElseThrow();
        assertThat(ready.isTrue()).isFalse();
        return ready;
    }

    @Test
    void aSecretNotLabelledForZtixIsNeverSentAnywhere() {
        secret("database-password", null);
        network(controller.url(), "database-password");

        Condition ready = awaitNotReady();
        assertThat(ready.reason).isEqualTo("TokenSecretUnavailable");
        assertThat(ready.message).contains("'database-password'").contains("is not one the operator may use")
                .contains("label secret database-password ztix.io/secret-for=zerotier-token");
        assertThat(controller.requests()).as("the controller never saw the Secret").isEmpty();
    }

    @Test
    void aRouteServersSshKeyIsNotUsedAsAControllerToken() {
        secret("rs1-ssh", SecretPurpose.SSH_KEY.label());
        network(controller.url(), "rs1-ssh");

        assertThat(awaitNotReady().message).contains("ZeroTier controller API token");
        assertThat(controller.requests()).isEmpty();
    }

    @Test
    void aSecretNamedInTheOperatorsConfigurationIsUsedWithoutALabel() {
        secret("named-zt-token", null); // application.properties: %test.ztix.secrets.zerotier-token-names
        network(controller.url(), "named-zt-token");

        cluster.awaitNetworkReady("ix");
        assertThat(controller.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("X-ZT1-Auth")).hasValue(TOKEN));
    }

    @Test
    void theTokenGoesOverPlainHttpOnlyToLoopbackOrClusterLocalHosts() {
        secret("zt-token", SecretPurpose.ZEROTIER_TOKEN.label());
        network("http://controller.attacker.example:" + controller.port(), "zt-token");

        Condition ready = awaitNotReady();
        assertThat(ready.message).contains("plain http only to loopback or cluster-local hosts")
                .contains("controller.attacker.example");
        assertThat(controller.requests()).isEmpty();
    }
}
