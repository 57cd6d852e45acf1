package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spec.policy.aspa through the operator to a real BIRD over real OpenSSH, on every BIRD line under test: a BIRD with
 * ASPA (3.1) runs the ASPA check; one without (2.0.12) refuses the knob loudly instead of ignoring it, applies
 * nothing, and keeps its running configuration and members until the admin sets the knob back.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerAspaPolicyTest {

    private static final Duration LONG = LabExchange.WAIT;

    private LabParts parts;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @AfterEach
    void stopLab() {
        LabParts.closeIfStarted(parts);
        parts = null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
    void aspaRejectIsRunWhereBirdHasAspaAndRefusedWhereItHasNot(BirdInstallation bird) throws Exception {
        parts = LabParts.start(bird, "a5a0000001", "zt-token-aspa");
        IxLab lab = parts.lab();
        lab.stayrtr().updateVrps(List.of(new Vrp("45.128.10.0/24", 24, 64501)));
        LabExchange exchange = parts.exchange(client, api, "aspa-" + bird.name().toLowerCase().replace('_', '-'));
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, parts.sshd(), lab));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        exchange.awaitPhase(a, Phase.Active);
        Path include = lab.routeServer().includeFile();
        String withoutAspa = Files.readString(include);
        assertThat(withoutAspa).doesNotContain("aspa");

        java.time.Instant patched = java.time.Instant.now();
        exchange.patchSpec("rs1", Map.of("policy", Map.of("aspa", "Reject")));
        if (bird.birdVersion().hasAspa()) {
            // ASPA needs RTR version 2: BIRD restarts its RTR session, and a new member is held until it is in sync
            // again, which can take BIRD minutes after a refused version; wait for that before the new member comes
            await().atMost(Duration.ofMinutes(6)).untilAsserted(() -> {
                assertThat(Files.readString(include)).contains("aspa table ztix_aspa;");
                // seen by a poll after the ASPA configuration was applied, not the condition from before it
                var status = exchange.routeServer("rs1").getStatus();
                java.time.Instant applied = java.time.Instant.parse(status.lastAppliedTime);
                assertThat(applied).isAfter(patched);
                assertThat(java.time.Instant.parse(status.lastObservedTime)).isAfter(applied);
                assertThat(exchange.condition("rs1", RouteServer.COND_RPKI_READY).status).isEqualTo(Condition.TRUE);
            });
        }
        String b = exchange.approve(LanPeer.MEMBER_B, "bbbb000002");

        if (bird.birdVersion().hasAspa()) {
            exchange.awaitPhase(b, Phase.Active);
            await().atMost(LONG).untilAsserted(() -> {
                assertThat(Files.readString(include)).contains("aspa table ztix_aspa;", "aspa_check(ztix_aspa, bgp_path, true)");
                assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).status).isEqualTo(Condition.TRUE);
            });
            assertThat(exchange.cluster().request(a).getStatus().phase).isEqualTo(Phase.Active);
            return;
        }

        await().atMost(LONG).untilAsserted(() -> {
            Condition applied = exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED);
            assertThat(applied.status).isEqualTo(Condition.FALSE);
            assertThat(applied.reason).isEqualTo("UnsupportedBirdFeature");
            assertThat(applied.message).contains("ASPA", "policy aspa: Reject", "BIRD 2.16 or later",
                    "runs BIRD " + bird.version(), "running configuration stays");
        });
        exchange.assertRefusedKeeping("rs1", "UnsupportedBirdFeature", "ASPA", include, withoutAspa, b, a);

        exchange.patchSpec("rs1", Map.of("policy", Map.of("aspa", "Disabled")));
        exchange.awaitPhase(b, Phase.Active);
        await().atMost(LONG).untilAsserted(() ->
                assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).status).isEqualTo(Condition.TRUE));
        assertThat(Files.readString(include)).doesNotContain("aspa");
    }
}
