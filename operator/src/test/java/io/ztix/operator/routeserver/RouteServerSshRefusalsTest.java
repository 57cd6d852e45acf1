package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.api.routeserver.BirdSpec;
import io.ztix.api.routeserver.PeeringAddresses;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.api.routeserver.RpkiSpec;
import io.ztix.api.routeserver.RtrServer;
import io.ztix.api.routeserver.SshSpec;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.testsupport.TempDirs;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route server whose SSH refuses the operator (a host key other than the pinned one, a client key it does not
 * accept), and one that answers but cannot take the configuration (real BIRD, a hand-broken bird.conf): each reason
 * in RouteServer status, with an event, and nothing applied. Real sshd.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class RouteServerSshRefusalsTest {

    @Inject
    KubernetesClient client;

    private OpenSshServer sshd;
    private Path birdDirectory;
    private String ns;

    @BeforeEach
    void routeServerHost() {
        sshd = OpenSshServer.start();
        birdDirectory = TempDirs.create("ztix-rs-refusals-");
        ns = "rs-ssh-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        sshd.close();
        TempDirs.delete(birdDirectory);
    }

    @Test
    void aHostKeyOtherThanThePinnedOneIsReportedAsHostKeyMismatch() throws Exception {
        secret("rs-key", sshd.clientPrivateKey());
        RouteServer rs = routeServer(otherHostKey());
        client.resource(rs).create();

        RouteServer seen = awaitCondition(RouteServer.COND_REACHABLE, "HostKeyMismatch");
        assertThat(seen.getStatus().lastError).contains(sshd.hostKeyFingerprint());
        assertThat(seen.getStatus().appliedConfigHash).isNull();
        assertThat(new Cluster(client, ns).events()).anySatisfy(e ->
                assertThat(e.getMessage()).contains(sshd.hostKeyFingerprint()));
        assertThat(Files.exists(birdDirectory.resolve("ztix.conf.candidate"))).as("nothing uploaded").isFalse();
    }

    @Test
    void aClientKeyTheRouteServerDoesNotAcceptIsReportedAsAuthenticationFailed() throws Exception {
        KeyPair stranger = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        stranger.writeOpenSSHv1PrivateKey(pem, null);
        secret("rs-key", pem.toString(StandardCharsets.UTF_8));
        client.resource(routeServer(pinnedHostKey())).create();

        RouteServer seen = awaitCondition(RouteServer.COND_REACHABLE, "AuthenticationFailed");
        assertThat(seen.getStatus().appliedConfigHash).isNull();
        assertThat(Files.exists(birdDirectory.resolve("ztix.conf.candidate"))).isFalse();
    }

    @Test
    void aRouteServerThatAnswersButCannotTakeTheConfigurationIsApplyFailedWithAnEvent() throws Exception {
        try (BirdDaemon bird = BirdDaemon.start()) {
            RecordingBirdc birdc = RecordingBirdc.install(bird);
            String live = Files.readString(bird.includeFile());
            // someone broke bird.conf by hand: BIRD runs on with what it loaded, but no new configuration passes the check
            Files.writeString(bird.mainConfig(), Files.readString(bird.mainConfig()) + "this is not bird syntax;\n");
            client.resource(RouteServers.sshKeySecret(ns, "rs-key", sshd)).create();
            client.resource(RouteServers.birdRouteServer(ns, "rs1", "ix", sshd, bird, birdc, "203.0.113.1",
                    "2001:db8:ff::1", "rs-key")).create();

            RouteServer seen = awaitCondition(RouteServer.COND_CONFIG_APPLIED, "ApplyFailedCheck");
            assertThat(Conditions.find(seen.getStatus().conditions, RouteServer.COND_REACHABLE).orElseThrow().status)
                    .isEqualTo(Condition.TRUE);
            assertThat(Conditions.find(seen.getStatus().conditions, RouteServer.COND_READY).orElseThrow().reason)
                    .as("Ready names the failed condition's reason").isEqualTo("ApplyFailedCheck");
            assertThat(seen.getStatus().lastError).contains("bird.conf");
            assertThat(seen.getStatus().appliedConfigHash).isNull();
            assertThat(new Cluster(client, ns).events()).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("ApplyFailed");
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("rs1");
                assertThat(e.getMessage()).contains("CHECK");
            });
            assertThat(Files.readString(bird.includeFile())).as("the live file is untouched").isEqualTo(live);
            assertThat(birdc.configureCalls()).as("BIRD was never told to reconfigure").isZero();
        }
    }

    private RouteServer awaitCondition(String type, String reason) {
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            RouteServer seen = client.resources(RouteServer.class).inNamespace(ns).withName("rs1").get();
            assertThat(seen.getStatus()).isNotNull();
            assertThat(Conditions.find(seen.getStatus().conditions, type)).hasValueSatisfying(c ->
                    assertThat(c.reason).as("%s: %s", type, c.message).isEqualTo(reason));
        });
        return client.resources(RouteServer.class).inNamespace(ns).withName("rs1").get();
    }

    private void secret(String name, String privateKey) {
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(ns).withName(name)
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata()
                .addToStringData("id", privateKey).build()).create();
    }

    private String pinnedHostKey() {
        String[] parts = sshd.hostPublicKey().split(" ");
        return parts[0] + " " + parts[1];
    }

    private static String otherHostKey() throws Exception {
        KeyPair other = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(other.getPublicKeyBlob());
    }

    private RouteServer routeServer(String hostKey) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName("rs1").build());
        RouteServerSpec spec = new RouteServerSpec();
        spec.networkRef = "ix";
        spec.asn = 64500L;
        spec.routerId = "203.0.113.1";
        spec.peeringAddresses = new PeeringAddresses();
        spec.peeringAddresses.ipv6 = "2001:db8:ff::1";
        spec.ssh = new SshSpec();
        spec.ssh.host = sshd.host();
        spec.ssh.port = sshd.port();
        spec.ssh.user = sshd.user();
        spec.ssh.privateKeySecretRef = new SecretKeyRef("rs-key", "id");
        spec.ssh.hostKey = hostKey;
        spec.bird = new BirdSpec();
        spec.bird.configDirectory = birdDirectory.toString();
        spec.bird.socket = birdDirectory.resolve("bird.ctl").toString();
        spec.rpki = new RpkiSpec();
        spec.rpki.servers.add(new RtrServer("127.0.0.1", 3323));
        rs.setSpec(spec);
        return rs;
    }
}
