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
import io.ztix.api.routeserver.RolloutStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdConfigRenderer;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.lab.BirdProtocol;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health gate with real parts: the lab's route server BIRD (members A and B peer with it), a second route
 * server of the same network (rs2, no member peers with it), real OpenSSH and StayRTR. Settle time in tests: 6 s
 * (application.properties), rollback trigger at its defaults (2 members and 10 % of the sessions).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerHealthGateTest {

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
        parts = LabParts.startWithTwoRouteServers("9a7e000001", "zt-token-gate");
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
    void anApplyThatDropsEstablishedSessionsIsRolledBackAndHeldFromTheSecondRouteServer() throws Exception {
        exchange = parts.exchange(client, api, "gate");
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, sshd, lab));
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs2", LabExchange.NETWORK, sshd,
                lab.routeServer2(), lab.stayrtr2()));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        String b = exchange.approve(LanPeer.MEMBER_B, "bbbb000002");
        exchange.awaitPhase(a, Phase.Active);
        exchange.awaitPhase(b, Phase.Active);
        lab.memberA().awaitEstablished(LONG);
        lab.memberB().awaitEstablished(LONG);
        await().atMost(LONG).untilAsserted(() -> assertThat(exchange.status("rs1").peers).hasSize(4)
                .allSatisfy(p -> assertThat(p.state).isEqualTo("Established")));
        String goodRs1 = exchange.status("rs1").appliedConfigHash;
        String rs2Include = Files.readString(lab.routeServer2().includeFile());
        String rs2Hash = exchange.status("rs2").appliedConfigHash;
        String aV6 = exchange.peer("rs1", a, "ipv6").protocol;
        String aV6Since = lab.routeServer().protocol(aV6).since();

        // A LAN renumbering gone wrong: rs1 gets an IPv4 address its host does not have; BIRD takes the file,
        // and every IPv4 session goes down. The same mistake is then made on rs2 while rs1 is settling.
        exchange.patchSpec("rs1", Map.of("peeringAddresses", Map.of("ipv4", "203.0.113.99")));
        await().atMost(LONG).until(() -> rolloutPhase("rs1") == RolloutStatus.Phase.Settling);
        exchange.patchSpec("rs2", Map.of("peeringAddresses", Map.of("ipv4", "203.0.113.98")));

        await().atMost(LONG).until(() -> rolloutPhase("rs1") == RolloutStatus.Phase.RolledBack);
        RolloutStatus rollout = exchange.status("rs1").rollout;
        assertThat(rollout.droppedMembers).isEqualTo(2);
        assertThat(rollout.droppedSessions).containsExactlyInAnyOrder(exchange.peer("rs1", a, "ipv4").protocol,
                exchange.peer("rs1", b, "ipv4").protocol);
        assertThat(rollout.establishedBefore).isEqualTo(4);
        assertThat(rollout.message).contains("rolled back");
        assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).reason).isIn("RolledBack", "HeldAfterRollback");
        assertThat(exchange.status("rs1").appliedConfigHash).isEqualTo(goodRs1);
        assertThat(BirdConfigRenderer.sha256(Files.readString(lab.routeServer().includeFile()))).isEqualTo(goodRs1);
        lab.memberA().awaitEstablished(LONG);
        lab.memberB().awaitEstablished(LONG);
        SameSince.assertNotRestarted(aV6Since, lab.routeServer().protocol(aV6).since(),
                "IPv6 sessions were not touched by the change or the rollback");
        assertThat(metrics.healthChecks(exchange.namespace(), "rs1", "rolled_back")).isEqualTo(1);
        assertThat(exchange.cluster().events()).anyMatch(e -> "RolledBack".equals(e.getReason())
                && e.getInvolvedObject().getName().equals("rs1"));

        // held: neither rs1 (same mistake) nor rs2 (network hold) applies anything, for as long as it lasts
        double rs1Applies = metrics.applies(exchange.namespace(), "rs1", "applied");
        await().pollDelay(Duration.ofSeconds(4)).atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).reason).isEqualTo("HeldAfterRollback");
            assertThat(exchange.condition("rs2", RouteServer.COND_CONFIG_APPLIED).reason).isEqualTo("HeldByRouteServer");
        });
        assertThat(metrics.applies(exchange.namespace(), "rs1", "applied")).isEqualTo(rs1Applies);
        assertThat(exchange.status("rs2").appliedConfigHash).isEqualTo(rs2Hash);
        assertThat(Files.readString(lab.routeServer2().includeFile())).isEqualTo(rs2Include);
        assertThat(exchange.condition("rs2", RouteServer.COND_READY).status).isEqualTo(Condition.FALSE);
        assertThat(metrics.gaugeValue("ztix.routeserver.rollout.held", exchange.namespace(), "rs2")).isEqualTo(1);
        assertThat(exchange.cluster().request(a).getStatus().phase).as("members stay Active").isEqualTo(Phase.Active);

        // the admin fixes rs1: it runs its desired configuration again, and the rollout resumes on rs2
        exchange.patchSpec("rs1", Map.of("peeringAddresses", Map.of("ipv4", LanPeer.ROUTE_SERVER.ipv4())));
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).reason).isEqualTo("Applied");
            assertThat(exchange.status("rs2").appliedConfigHash).isNotEqualTo(rs2Hash);
        });
        assertThat(Files.readString(lab.routeServer2().includeFile())).contains("203.0.113.98");
    }

    @Test
    void oneMemberWhoseSessionsDoNotComeBackIsNotTakenForABadConfiguration() throws Exception {
        exchange = parts.exchange(client, api, "flap");
        // member A's router insists on the route server's BGP role: once the route server stops announcing it,
        // A's sessions stay down for reasons of A's own router, while B's come back
        lab.memberA().requireRouteServerRole();
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, sshd, lab));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        String b = exchange.approve(LanPeer.MEMBER_B, "bbbb000002");
        exchange.awaitPhase(b, Phase.Active);
        lab.memberA().awaitEstablished(LONG);
        lab.memberB().awaitEstablished(LONG);
        await().atMost(LONG).untilAsserted(() -> assertThat(exchange.status("rs1").peers).hasSize(4)
                .allSatisfy(p -> assertThat(p.state).isEqualTo("Established")));

        exchange.patchSpec("rs1", Map.of("policy", Map.of("bgpRole", false)));

        await().atMost(LONG).until(() -> rolloutPhase("rs1") == RolloutStatus.Phase.Confirmed
                && Integer.valueOf(2).equals(exchange.status("rs1").rollout.droppedSessionCount));
        RolloutStatus rollout = exchange.status("rs1").rollout;
        assertThat(rollout.droppedMembers).isEqualTo(1);
        assertThat(rollout.droppedSessions).containsExactlyInAnyOrder(exchange.peer("rs1", a, "ipv4").protocol,
                exchange.peer("rs1", a, "ipv6").protocol);
        assertThat(rollout.message).contains("below the rollback trigger");
        assertThat(Files.readString(lab.routeServer().includeFile())).doesNotContain("local role rs_server");
        assertThat(exchange.status("rs1").appliedConfigHash)
                .isEqualTo(BirdConfigRenderer.sha256(Files.readString(lab.routeServer().includeFile())));
        assertThat(lab.routeServer().protocol(exchange.peer("rs1", b, "ipv4").protocol).isEstablished()).isTrue();
        assertThat(lab.routeServer().protocols()).filteredOn(p -> p.name().startsWith("m_as64501"))
                .noneMatch(BirdProtocol::isEstablished);
        assertThat(metrics.healthChecks(exchange.namespace(), "rs1", "confirmed_with_losses")).isEqualTo(1);
        assertThat(metrics.healthChecks(exchange.namespace(), "rs1", "rolled_back")).isZero();
        assertThat(exchange.cluster().events()).anyMatch(e -> "HealthCheckPassedWithLosses".equals(e.getReason()));
    }

    @Test
    void aConfigurationOneRouteServerRefusesHoldsTheOthersUntilItAppliesAgain() throws Exception {
        exchange = parts.exchange(client, api, "refused");
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, sshd, lab));
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs2", LabExchange.NETWORK, sshd,
                lab.routeServer2(), lab.stayrtr2()));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        exchange.awaitPhase(a, Phase.Active);
        Path mainConfig = lab.routeServer().mainConfigFile();
        String goodMain = Files.readString(mainConfig);
        // someone edits rs1's bird.conf and drops ZT-IX's include line: every new configuration is refused there
        Files.writeString(mainConfig, goodMain.replaceAll("(?m)^include .*$", "# include removed by hand"));
        String b;
        try {
            exchange.patchSpec("rs1", Map.of("policy", Map.of("asPathMaxLength", 31)));
            await().atMost(LONG).until(() -> rolloutPhase("rs1") == RolloutStatus.Phase.Refused);
            assertThat(exchange.condition("rs1", RouteServer.COND_CONFIG_APPLIED).reason).isEqualTo("ApplyFailedCheck");

            b = exchange.approve(LanPeer.MEMBER_B, "bbbb000002");
            await().atMost(LONG).untilAsserted(() ->
                    assertThat(exchange.condition("rs2", RouteServer.COND_CONFIG_APPLIED).reason).isEqualTo("HeldByRouteServer"));
            await().pollDelay(Duration.ofSeconds(3)).atMost(LONG).untilAsserted(() ->
                    assertThat(exchange.condition("rs2", RouteServer.COND_CONFIG_APPLIED).reason).isEqualTo("HeldByRouteServer"));
            assertThat(Files.readString(lab.routeServer2().includeFile())).doesNotContain("m_as64502");
            assertThat(exchange.cluster().request(b).getStatus().phase).isNotEqualTo(Phase.Active);
        } finally {
            Files.writeString(mainConfig, goodMain);
        }

        await().atMost(LONG).untilAsserted(() -> {
            assertThat(rolloutPhase("rs1")).isEqualTo(RolloutStatus.Phase.Confirmed);
            assertThat(Files.readString(lab.routeServer2().includeFile())).contains("m_as64502");
        });
        exchange.awaitPhase(b, Phase.Active);
    }

    private RolloutStatus.Phase rolloutPhase(String routeServer) {
        RouteServer rs = exchange.routeServer(routeServer);
        return rs.getStatus() == null || rs.getStatus().rollout == null ? null : rs.getStatus().rollout.phase;
    }
}
