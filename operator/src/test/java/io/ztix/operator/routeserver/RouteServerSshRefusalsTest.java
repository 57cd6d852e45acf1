package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.BirdSpec;
import io.ztix.api.routeserver.RouteServer;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route server whose SSH refuses the operator (a host key other than the pinned one, a client key it does not
 * accept), and one that answers but cannot take the configuration (real BIRD, a hand-broken bird.conf): each reason
 * in RouteServer status, with an event of the same name (again when the cause changes), and nothing applied. Real sshd.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerSshRefusalsTest {

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

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
        client.resource(RouteServers.sshKeySecret(ns, "rs-key", sshd)).create();
        RouteServer rs = routeServer(otherHostKey());
        client.resource(rs).create();

        RouteServer seen = awaitCondition(RouteServer.COND_REACHABLE, "HostKeyMismatch");
        assertThat(seen.getStatus().lastError).contains(sshd.hostKeyFingerprint());
        assertThat(seen.getStatus().appliedConfigHash).isNull();
        assertThat(warnings()).singleElement().satisfies(e -> {
            assertThat(e.getReason()).as("its own reason, not Unreachable").isEqualTo("HostKeyMismatch");
            assertThat(e.getMessage()).contains(sshd.hostKeyFingerprint()).contains("spec.ssh.hostKey");
        });
        assertThat(Files.exists(birdDirectory.resolve("ztix.conf.candidate"))).as("nothing uploaded").isFalse();
    }

    @Test
    void aRouteServerStillRefusedForAnotherCauseGetsAnEventForTheNewCause() throws Exception {
        client.resource(RouteServers.sshKeySecret(ns, "rs-key", strangersPrivateKey())).create();
        client.resource(routeServer(otherHostKey())).create();
        awaitCondition(RouteServer.COND_REACHABLE, "HostKeyMismatch");

        // the admin pins the right host key: the route server now refuses the client key
        new Cluster(client, api, ns).admin("alice").resources(RouteServer.class).inNamespace(ns).withName("rs1")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"ssh\":{\"hostKey\":\"" + pinnedHostKey() + "\"}}}");

        awaitCondition(RouteServer.COND_REACHABLE, "AuthenticationFailed");
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(warnings()).extracting(Event::getReason)
                .containsExactlyInAnyOrder("HostKeyMismatch", "AuthenticationFailed"));
        assertThat(Files.exists(birdDirectory.resolve("ztix.conf.candidate"))).isFalse();
    }

    @Test
    void aClientKeyTheRouteServerDoesNotAcceptIsReportedAsAuthenticationFailed() throws Exception {
        client.resource(RouteServers.sshKeySecret(ns, "rs-key", strangersPrivateKey())).create();
        client.resource(routeServer(pinnedHostKey())).create();

        RouteServer seen = awaitCondition(RouteServer.COND_REACHABLE, "AuthenticationFailed");
        assertThat(seen.getStatus().appliedConfigHash).isNull();
        assertThat(warnings()).extracting(Event::getReason).as("its own reason, not Unreachable")
                .containsExactly("AuthenticationFailed");
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
            assertThat(new Cluster(client, api, ns).events()).anySatisfy(e -> {
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

    private List<Event> warnings() {
        return new Cluster(client, api, ns).events().stream().filter(e -> "Warning".equals(e.getType())
                && "rs1".equals(e.getInvolvedObject().getName())).toList();
    }

    /** A client key the route server's sshd does not accept. */
    private static String strangersPrivateKey() throws Exception {
        KeyPair stranger = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        stranger.writeOpenSSHv1PrivateKey(pem, null);
        return pem.toString(StandardCharsets.UTF_8);
    }

    private String pinnedHostKey() {
        String[] parts = sshd.hostPublicKey().split(" ");
        return parts[0] + " " + parts[1];
    }

    private static String otherHostKey() throws Exception {
        KeyPair other = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(other.getPublicKeyBlob());
    }

    /** A route server whose BIRD directory holds nothing: these cases never get as far as BIRD. */
    private RouteServer routeServer(String hostKey) {
        RouteServer rs = RouteServers.sshRouteServer(ns, "rs1", "ix", sshd, "203.0.113.1", "2001:db8:ff::1", "rs-key");
        rs.getSpec().ssh.hostKey = hostKey;
        rs.getSpec().bird = new BirdSpec();
        rs.getSpec().bird.configDirectory = birdDirectory.toString();
        rs.getSpec().bird.socket = birdDirectory.resolve("bird.ctl").toString();
        return rs;
    }
}
