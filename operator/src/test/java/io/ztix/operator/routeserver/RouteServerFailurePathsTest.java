package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServer;
import io.ztix.api.routeserver.SshSpec;
import io.ztix.operator.testsupport.Cluster;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an admin sees when a RouteServer cannot be configured, before any route server is touched. */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerFailurePathsTest {

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Test
    void aSpecTheRendererRefusesIsReportedAsInvalidConfiguration() throws Exception {
        String ns = namespace();
        RouteServer rs = routeServer(ns, closedPort());
        rs.getSpec().routerId = "999.0.0.1"; // passes the CRD's pattern, but is no IPv4 address
        keySecret(ns);
        client.resource(rs).create();

        RouteServer seen = awaitCondition(ns, RouteServer.COND_CONFIG_APPLIED, "InvalidConfiguration");
        assertThat(seen.getStatus().lastError).contains("router ID").contains("999.0.0.1");
        assertThat(seen.getStatus().appliedConfigHash).isNull();
    }

    @Test
    void aMissingKeySecretIsNamedInTheStatus() throws Exception {
        String ns = namespace();
        client.resource(routeServer(ns, closedPort())).create();

        RouteServer seen = awaitCondition(ns, RouteServer.COND_REACHABLE, "KeySecretUnavailable");
        assertThat(seen.getStatus().lastError).contains("rs-key").contains("does not exist");
        assertThat(Conditions.find(seen.getStatus().conditions, RouteServer.COND_READY).orElseThrow().status)
                .isEqualTo(Condition.FALSE);
    }

    @Test
    void anUnreachableRouteServerIsReportedWithoutAnApply() throws Exception {
        String ns = namespace();
        keySecret(ns);
        client.resource(routeServer(ns, closedPort())).create();

        RouteServer seen = awaitCondition(ns, RouteServer.COND_REACHABLE, "Unreachable");
        assertThat(seen.getStatus().lastError).contains("127.0.0.1");
        assertThat(seen.getStatus().appliedConfigHash).isNull();
        assertThat(new Cluster(client, api, ns).events()).anyMatch(e -> "Unreachable".equals(e.getReason()));
    }

    private RouteServer awaitCondition(String ns, String type, String reason) {
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            RouteServer seen = client.resources(RouteServer.class).inNamespace(ns).withName("rs1").get();
            assertThat(seen.getStatus()).isNotNull();
            assertThat(Conditions.find(seen.getStatus().conditions, type)).hasValueSatisfying(c -> {
                assertThat(c.reason).isEqualTo(reason);
            });
        });
        return client.resources(RouteServer.class).inNamespace(ns).withName("rs1").get();
    }

    private void keySecret(String ns) throws Exception {
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        key.writeOpenSSHv1PrivateKey(pem, null);
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(ns).withName("rs-key")
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata()
                .addToStringData("id", pem.toString(StandardCharsets.UTF_8)).build()).create();
    }

    static RouteServer routeServer(String ns, int port) throws Exception {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName("rs1").build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = "ix";
        spec.asn = 64500L;
        spec.routerId = "203.0.113.1";
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv6 = "2001:db8:ff::1";
        spec.ssh = new SshSpec();
        spec.ssh.host = "127.0.0.1";
        spec.ssh.port = port;
        spec.ssh.privateKeySecretRef = new SecretKeyRef("rs-key", "id");
        KeyPair hostKey = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        spec.ssh.hostKey = "ssh-ed25519 " + Base64.getEncoder().encodeToString(hostKey.getPublicKeyBlob());
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer("127.0.0.1", 3323));
        rs.setSpec(spec);
        return rs;
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String namespace() {
        return "rs-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
