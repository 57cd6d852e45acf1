package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.ztix.operator.common.SecretPurpose;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A route server the operator cannot reach (its sshd stopped for a while, or a host key that no longer matches)
 * keeps its configuration and sessions; the admin gets an Event, metrics, and a status that says since when the
 * route server has not been observed. Its members stay Active: their sessions still run.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerUnreachableTest {

    private static final Duration LONG = LabExchange.WAIT;

    private static LabParts parts;
    private static IxLab lab;
    private static OpenSshServer sshd;
    private LabExchange exchange;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    RouteServerMetrics metrics;

    @BeforeAll
    static void startLab() {
        parts = LabParts.start("5c2d000001", "zt-token-ssh");
        lab = parts.lab();
        sshd = parts.sshd();
    }

    @AfterAll
    static void stopLab() {
        LabParts.closeIfStarted(parts);
    }

    @AfterEach
    void stopDrivingTheLab() {
        if (exchange != null) {
            exchange.deleteRouteServers();
        }
    }

    @Test
    void sshdDownForAWhileLeavesTheSessionsAloneIsReportedAndRecovers() {
        String a = activeMember("ssh-down");
        String aV4 = exchange.peer("rs1", a, "ipv4").protocol;
        String aSince = lab.routeServer().protocol(aV4).since();
        double appliesBefore = metrics.applies(exchange.namespace(), "rs1", "applied");

        sshd.stop();
        try {
            await().atMost(LONG).untilAsserted(() -> {
                Condition reachable = exchange.condition("rs1", RouteServer.COND_REACHABLE);
                assertThat(reachable.status).isEqualTo(Condition.FALSE);
                assertThat(reachable.reason).isEqualTo("Unreachable");
                assertThat(exchange.status("rs1").unreachableSince).isNotNull();
            });
            String lastObserved = exchange.status("rs1").lastObservedTime;
            assertThat(exchange.cluster().events()).anyMatch(e -> "Unreachable".equals(e.getReason())
                    && e.getMessage().contains("left alone"));
            assertThat(metrics.gaugeValue("ztix.routeserver.reachable", exchange.namespace(), "rs1")).isZero();
            assertThat(metrics.observeFailures(exchange.namespace(), "rs1", "unreachable")).isPositive();
            // for a while: nothing moves but the failure counter; the member keeps its session and its phase
            await().pollDelay(Duration.ofSeconds(5)).atMost(LONG).untilAsserted(() ->
                    assertThat(metrics.observeFailures(exchange.namespace(), "rs1", "unreachable")).isGreaterThan(1));
            assertThat(exchange.status("rs1").lastObservedTime).isEqualTo(lastObserved);
            assertThat(exchange.cluster().events()).as("one Unreachable event for the outage, not one per retry")
                    .filteredOn(e -> "Unreachable".equals(e.getReason())).hasSize(1);
            assertThat(exchange.status("rs1").peers).allSatisfy(p -> assertThat(p.state).isEqualTo("Established"));
            assertThat(exchange.cluster().request(a).getStatus().phase).isEqualTo(Phase.Active);
            assertThat(lab.routeServer().protocol(aV4).isEstablished()).isTrue();
            assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.FALSE);
        } finally {
            sshd.restart();
        }

        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.condition("rs1", RouteServer.COND_REACHABLE).status).isEqualTo(Condition.TRUE);
            assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.TRUE);
        });
        assertThat(exchange.status("rs1").unreachableSince).isNull();
        assertThat(Instant.parse(exchange.status("rs1").lastObservedTime)).isAfter(Instant.now().minusSeconds(60));
        assertThat(exchange.cluster().events()).anyMatch(e -> "Reachable".equals(e.getReason())
                && e.getMessage().contains("answers again"));
        assertThat(metrics.gaugeValue("ztix.routeserver.reachable", exchange.namespace(), "rs1")).isEqualTo(1);
        SameSince.assertNotRestarted(aSince, lab.routeServer().protocol(aV4).since(), "the session was never restarted");
        assertThat(metrics.applies(exchange.namespace(), "rs1", "applied")).isEqualTo(appliesBefore);
    }

    @Test
    void aHostKeyThatNoLongerMatchesOrARefusedKeyIsReportedLoudlyAndChangesNothing() throws Exception {
        String a = activeMember("host-key");
        String aV4 = exchange.peer("rs1", a, "ipv4").protocol;
        String aSince = lab.routeServer().protocol(aV4).since();

        exchange.patchSpec("rs1", Map.of("ssh", Map.of("hostKey", otherHostKey())));

        await().atMost(LONG).untilAsserted(() -> {
            Condition reachable = exchange.condition("rs1", RouteServer.COND_REACHABLE);
            assertThat(reachable.reason).isEqualTo("HostKeyMismatch");
            assertThat(reachable.message).contains(sshd.hostKeyFingerprint());
        });
        assertThat(exchange.cluster().events()).anyMatch(e -> "HostKeyMismatch".equals(e.getReason())
                && e.getMessage().contains(sshd.hostKeyFingerprint()));
        assertThat(exchange.cluster().events()).noneMatch(e -> "Unreachable".equals(e.getReason()));
        assertThat(metrics.observeFailures(exchange.namespace(), "rs1", "host_key")).isPositive();
        assertThat(exchange.cluster().request(a).getStatus().phase).isEqualTo(Phase.Active);

        exchange.patchSpec("rs1", Map.of("ssh", Map.of("hostKey", sshd.hostPublicKey())));

        await().atMost(LONG).untilAsserted(() ->
                assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.TRUE));

        // a key the route server does not accept (e.g. rotated in the Secret before authorized_keys)
        client.resource(new SecretBuilder().withNewMetadata().withNamespace(exchange.namespace()).withName("rs-ssh")
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata().addToStringData("id_ed25519", otherPrivateKey()).build()).update();

        await().atMost(LONG).untilAsserted(() ->
                assertThat(exchange.condition("rs1", RouteServer.COND_REACHABLE).reason).isEqualTo("AuthenticationFailed"));
        assertThat(exchange.cluster().events()).anyMatch(e -> "AuthenticationFailed".equals(e.getReason()));
        assertThat(metrics.observeFailures(exchange.namespace(), "rs1", "auth")).isPositive();
        assertThat(exchange.cluster().request(a).getStatus().phase).isEqualTo(Phase.Active);
        SameSince.assertNotRestarted(aSince, lab.routeServer().protocol(aV4).since(), "the session was never restarted");
    }

    private String activeMember(String prefix) {
        exchange = parts.exchange(client, api, prefix);
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, sshd, lab));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        exchange.awaitPhase(a, Phase.Active);
        lab.memberA().awaitEstablished(LONG);
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.TRUE);
            assertThat(exchange.status("rs1").peers).allSatisfy(p -> assertThat(p.state).isEqualTo("Established"));
        });
        return a;
    }

    private static String otherPrivateKey() throws Exception {
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        key.writeOpenSSHv1PrivateKey(pem, null);
        return pem.toString(StandardCharsets.UTF_8);
    }

    private static String otherHostKey() {
        try {
            KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(key.getPublicKeyBlob());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
