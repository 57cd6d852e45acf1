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
import io.ztix.api.routeserver.RtrServer;
import io.ztix.api.routeserver.RtrServerStatus;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RPKI health with the real BIRD route server and a real StayRTR, stopped and started again by the tests
 * (BIRD retries an RTR server every 30 s). The documented policy: while no RTR server is in sync, members that
 * are not on the route server yet have their sessions held (configured disabled); members already running keep
 * theirs, and BIRD keeps the ROAs it had.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerRpkiHealthTest {

    private static final Duration LONG = LabExchange.WAIT;
    private static final String UNRESOLVABLE = "rtr.does-not-exist.invalid";

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
        parts = LabParts.start("4b1c000001", "zt-token-rpki");
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
    void newMembersAreHeldWhileNoRtrServerCanBeReachedAndServedOnceOneIsInSync() throws Exception {
        lab.stayrtr().stop(); // its port is closed when the route server is first configured
        exchange = parts.exchange(client, api, "rtr-down");
        RouteServer routeServer = RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, sshd, lab);
        routeServer.getSpec().rpki.servers.add(new RtrServer(UNRESOLVABLE, 323));
        exchange.create(routeServer);
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        String closed = "127.0.0.1:" + lab.stayrtr().port();

        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.status("rs1").peers).hasSize(2).allSatisfy(p -> assertThat(p.held).isTrue());
            assertThat(exchange.status("rs1").rpki).hasSize(2).allSatisfy(r -> assertThat(r.inSync).isFalse());
            assertThat(rtr(UNRESOLVABLE).lastError).contains("does not resolve on the route server");
            assertThat(rtr("127.0.0.1").lastError).contains("cannot connect to 127.0.0.1 port " + lab.stayrtr().port());
            assertThat(rtr("127.0.0.1").state).isEqualTo("Transport-Error");
        });
        Condition rpkiReady = exchange.condition("rs1", RouteServer.COND_RPKI_READY);
        assertThat(rpkiReady.status).isEqualTo(Condition.FALSE);
        assertThat(rpkiReady.reason).isEqualTo("NotInSync");
        assertThat(rpkiReady.message).contains("ROA tables are empty").contains("new members are held");
        assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.FALSE);
        assertThat(Files.readString(lab.routeServer().includeFile())).contains("disabled;");
        String aV4 = exchange.peer("rs1", a, "ipv4").protocol;
        assertThat(lab.routeServer().protocolState(aV4)).isEqualTo("down");
        assertThat(exchange.cluster().request(a).getStatus().phase).as("a held member is not Active").isNotEqualTo(Phase.Active);
        assertThat(metrics.gaugeValue("ztix.routeserver.rpki.up", exchange.namespace(), "rs1", "rtr", closed)).isZero();
        assertThat(metrics.gaugeValue("ztix.routeserver.rpki.up", exchange.namespace(), "rs1", "rtr", UNRESOLVABLE + ":323")).isZero();
        assertThat(metrics.gaugeValue("ztix.routeserver.held.sessions", exchange.namespace(), "rs1")).isEqualTo(2);
        await().atMost(LONG).untilAsserted(() -> assertThat(exchange.cluster().events())
                .anyMatch(e -> "RtrServerNotInSync".equals(e.getReason()) && e.getMessage().contains(closed)));

        restartStayrtrAndResyncBird(rtr("127.0.0.1").protocol);

        await().atMost(LONG).untilAsserted(() -> {
            assertThat(rtr("127.0.0.1").inSync).isTrue();
            assertThat(exchange.condition("rs1", RouteServer.COND_RPKI_READY).reason).isEqualTo("PartlyInSync");
            assertThat(exchange.status("rs1").peers).allSatisfy(p -> {
                assertThat(p.held).isNull();
                assertThat(p.state).isEqualTo("Established");
            });
        });
        exchange.awaitPhase(a, Phase.Active);
        assertThat(Files.readString(lab.routeServer().includeFile())).doesNotContain("disabled;");
        assertThat(metrics.gaugeValue("ztix.routeserver.rpki.up", exchange.namespace(), "rs1", "rtr", closed)).isEqualTo(1);
        assertThat(exchange.cluster().events()).anyMatch(e -> "RtrServerInSync".equals(e.getReason()));
    }

    @Test
    void anRtrServerGoingAwayLeavesRunningMembersAloneAndHoldsOnlyNewOnes() {
        lab.stayrtr().updateVrps(List.of(new Vrp("45.128.10.0/24", 24, 64501), new Vrp("2a0c:9a40::/32", 48, 64501)));
        exchange = parts.exchange(client, api, "rtr-lost");
        exchange.create(RouteServers.labRouteServer(exchange.namespace(), "rs1", LabExchange.NETWORK, sshd, lab));
        String a = exchange.approve(LanPeer.MEMBER_A, "aaaa000001");
        exchange.awaitPhase(a, Phase.Active);
        lab.memberA().awaitEstablished(LONG);
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.TRUE);
            assertThat(rtr("127.0.0.1").roas4).isEqualTo(1);
        });
        String aV4 = exchange.peer("rs1", a, "ipv4").protocol;
        String aSince = lab.routeServer().protocol(aV4).since();

        lab.stayrtr().stop();

        await().atMost(LONG).untilAsserted(() -> {
            RtrServerStatus rtr = rtr("127.0.0.1");
            assertThat(rtr.inSync).isFalse();
            assertThat(rtr.roas4).as("BIRD keeps the ROAs of the last sync").isEqualTo(1);
            assertThat(rtr.lastUpdateTime).isNotNull();
            assertThat(exchange.condition("rs1", RouteServer.COND_RPKI_READY).message).contains("keeps the ROAs");
        });
        assertThat(exchange.cluster().events()).anyMatch(e -> "RtrServerDown".equals(e.getReason()));
        assertThat(metrics.gaugeValue("ztix.routeserver.rpki.up", exchange.namespace(), "rs1", "rtr",
                "127.0.0.1:" + lab.stayrtr().port())).isZero();

        String b = exchange.approve(LanPeer.MEMBER_B, "bbbb000002");
        await().atMost(LONG).untilAsserted(() -> {
            assertThat(exchange.peer("rs1", b, "ipv4").held).isTrue();
            assertThat(exchange.peer("rs1", b, "ipv6").held).isTrue();
        });
        assertThat(exchange.peer("rs1", a, "ipv4").held).as("a running member is never held").isNull();
        assertThat(lab.routeServer().protocol(aV4).isEstablished()).isTrue();
        SameSince.assertNotRestarted(aSince, lab.routeServer().protocol(aV4).since(), "A's session was not restarted");
        assertThat(exchange.cluster().request(a).getStatus().phase).isEqualTo(Phase.Active);
        assertThat(exchange.cluster().request(b).getStatus().phase).isNotEqualTo(Phase.Active);

        restartStayrtrAndResyncBird(rtr("127.0.0.1").protocol);

        exchange.awaitPhase(b, Phase.Active);
        lab.memberB().awaitEstablished(LONG);
        SameSince.assertNotRestarted(aSince, lab.routeServer().protocol(aV4).since(), "A's session was not restarted");
    }

    /**
     * Starts StayRTR again and brings BIRD's RTR session back at once. A restarted StayRTR has a new RTR session ID;
     * BIRD 2.0.12 keeps asking it for the old session's serial (every 30 s, {@code retry keep 30}) and mostly sees only
     * the close that follows StayRTR's "Session ID mismatch" error: 2 to 12 attempts (1 to 6 min) in 10 restarts
     * measured here, which made this test's 2-minute waits fail now and then. Once BIRD reads the error it drops the
     * session and starts a new one; the test takes that step itself ({@code birdc restart} of the RTR protocol), so
     * that what follows (observing the RTR server in sync, releasing held members) is the operator's time alone.
     */
    private void restartStayrtrAndResyncBird(String rpkiProtocol) {
        lab.stayrtr().restart();
        lab.routeServer().birdc("restart", rpkiProtocol).orThrow();
        await().atMost(LONG).untilAsserted(() -> assertThat(lab.routeServer().protocol(rpkiProtocol).info())
                .as("BIRD's %s", rpkiProtocol).isEqualTo("Established"));
    }

    private RtrServerStatus rtr(String host) {
        return exchange.status("rs1").rpki.stream().filter(r -> r.host.equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no RTR server " + host + " in " + exchange.status("rs1").rpki));
    }
}
