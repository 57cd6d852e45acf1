package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.lab.Announcement;
import io.ztix.operator.testsupport.lab.BirdProtocol;
import io.ztix.operator.testsupport.lab.BirdRoute;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path with real parts: the operator (mock Kubernetes API, fake ZeroTier controller) configures a
 * real BIRD route server over real OpenSSH, in network namespaces with two real member BIRDs and a real
 * StayRTR. The route prefixes are public-looking on purpose (documentation prefixes are bogons the route
 * server must reject); they exist only inside these BIRDs, which have no kernel protocol. The route server runs each
 * BIRD line under test in turn (its own lab and namespace each time); the members run the host's BIRD 2.0.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RouteServerLabEndToEndTest {

    private static final Duration BGP_WAIT = Duration.ofSeconds(60);
    private static final String VALID_V4 = "45.128.10.0/24";
    private static final String VALID_V6 = "2a0c:9a40:1000::/48";
    private static final String RPKI_INVALID = "45.128.20.0/24";
    private static final String TOO_SPECIFIC = "45.128.30.0/25";
    private static final String BAD_NEXT_HOP = "45.128.40.0/24";

    private LabParts parts;
    private IxLab lab;

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
    void membersGetFilteredSessionsOnTheRouteServerAndLeavingOneDoesNotDisturbTheOther(BirdInstallation bird) throws Exception {
        // a new lab and namespace per BIRD line under test, so the runs cannot see each other's resources
        parts = LabParts.start(bird, "e2e0000001", "zt-token-e2e");
        lab = parts.lab();
        lab.stayrtr().updateVrps(List.of(new Vrp(VALID_V4, 24, 64501), new Vrp(RPKI_INVALID, 24, 64999),
                new Vrp("2a0c:9a40::/32", 48, 64501)));
        LabExchange exchange = parts.exchange(client, api, "e2e", bird);
        Cluster cluster = exchange.cluster();
        exchange.create(parts.routeServer(exchange, "rs1"));

        // one after the other, so that A gets .11 and B .12 from the never-reused IPv4 counter
        List<String> members = exchange.approveMembersAAndB(lab, BGP_WAIT);
        String a = members.get(0);
        String b = members.get(1);
        assertThat(exchange.awaitPhase(a, Phase.Active).getStatus().assignedIps.ipv4).isEqualTo(LanPeer.MEMBER_A.ipv4());
        JoinRequest activeB = exchange.awaitPhase(b, Phase.Active);
        assertThat(activeB.getStatus().assignedIps.ipv4).isEqualTo(LanPeer.MEMBER_B.ipv4());
        assertThat(activeB.getStatus().assignedIps.ipv6).isEqualTo(LanPeer.MEMBER_B.ipv6());
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(exchange.status("rs1").peers)
                .hasSize(4).allSatisfy(p -> assertThat(p.state).isEqualTo("Established")));
        // the operator read the version over the route server's SSH session and rendered for it
        assertThat(exchange.status("rs1").birdVersion).isEqualTo(bird.version());
        assertThat(java.nio.file.Files.readString(lab.routeServer().includeFile()))
                .contains("# Rendered for BIRD " + bird.version() + ".");
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(cluster.request(a).getStatus().routeServers)
                .singleElement().satisfies(e -> assertThat(e.sessions).extracting(s -> s.state).containsOnly("Established")));

        // "RPKI-invalid" means invalid by the ROAs the route server holds: wait until its RTR session delivered them
        // (BIRD 3 re-validates routes that arrived earlier only after its ROA settle time)
        await().atMost(BGP_WAIT).until(() -> lab.routeServer().routeCount("ztix_roa4") == 2
                && lab.routeServer().routeCount("ztix_roa6") == 1);
        lab.memberA().announce(List.of(Announcement.of(VALID_V4), Announcement.of(VALID_V6),
                Announcement.of(RPKI_INVALID), Announcement.of(TOO_SPECIFIC)));
        lab.memberB().announce(List.of(Announcement.of(BAD_NEXT_HOP).withNextHop("203.0.113.99")));

        BirdRoute valid = await().atMost(BGP_WAIT).until(() -> lab.memberB().receivedRoute(VALID_V4), Optional::isPresent).get();
        assertThat(valid.bgpNextHop()).isEqualTo(LanPeer.MEMBER_A.ipv4());
        assertThat(valid.asPath()).containsExactly(64501L);
        await().atMost(BGP_WAIT).until(() -> lab.memberB().receivedRoute(VALID_V6).isPresent());
        // what must not arrive: first the positive signal that the route server received those routes and filtered
        // them (import keep filtered), after which it can never export them; only then look for their absence
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(lab.routeServer().birdc("show", "route", "filtered").output())
                .contains(RPKI_INVALID).contains(TOO_SPECIFIC).contains(BAD_NEXT_HOP));
        assertThat(lab.memberB().receivedRoute(RPKI_INVALID)).as("RPKI-invalid route").isEmpty();
        assertThat(lab.memberB().receivedRoute(TOO_SPECIFIC)).as("IPv4 /25").isEmpty();
        assertThat(lab.memberA().receivedRoute(BAD_NEXT_HOP)).as("route with a foreign NEXT_HOP").isEmpty();

        BirdProtocol aSessionBefore = lab.routeServer().protocol(exchange.peer("rs1", a, "ipv4").protocol);
        client.resources(JoinRequest.class).inNamespace(exchange.namespace()).withName(b).delete();

        await().atMost(BGP_WAIT).untilAsserted(() -> {
            assertThat(exchange.status("rs1").peers).extracting(p -> p.joinRequest).containsOnly(a);
            assertThat(lab.routeServer().protocols()).extracting(BirdProtocol::name)
                    .noneMatch(name -> name.startsWith("m_as64502_"));
        });
        BirdProtocol aSessionAfter = lab.routeServer().protocol(exchange.peer("rs1", a, "ipv4").protocol);
        assertThat(aSessionAfter.isEstablished()).isTrue();
        SameSince.assertNotRestarted(aSessionBefore.since(), aSessionAfter.since(), "member A's session was not restarted");
        await().atMost(Cluster.WAIT).until(() -> cluster.request(b) == null);
    }
}
