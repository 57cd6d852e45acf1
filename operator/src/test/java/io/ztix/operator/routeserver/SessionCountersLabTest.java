package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.lab.Announcement;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Route counters of every member session, read by the session poll: RouteServer status.peers, the JoinRequests'
 * entries and the per-ASN gauges show the figures BIRD itself prints in {@code show protocols all}.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class SessionCountersLabTest {

    private static final Duration BGP_WAIT = Duration.ofSeconds(60);
    /** BIRD's own line, read here without the operator's parser. */
    private static final Pattern BIRD_ROUTES = Pattern.compile(
            "Routes:\\s+(\\d+) imported, (\\d+) filtered, (\\d+) exported");

    private LabParts parts;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    RouteServerMetrics metrics;

    @AfterEach
    void stopLab() {
        LabParts.closeIfStarted(parts);
        parts = null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
    void statusAndMetricsShowEachSessionsImportedFilteredAndExportedRoutesAsBirdCountsThem(BirdInstallation bird) {
        parts = LabParts.start(bird, "c0c0000001", "zt-token-counters");
        IxLab lab = parts.lab();
        lab.stayrtr().updateVrps(List.of(new Vrp("45.128.10.0/24", 24, 64501)));
        LabExchange exchange = parts.exchange(client, api, "counters", bird);
        Cluster cluster = exchange.cluster();
        exchange.create(parts.routeServer(exchange, "rs1"));
        List<String> members = exchange.approveMembersAAndB(lab, BGP_WAIT);
        String a = members.get(0);
        String b = members.get(1);

        // A: two accepted (v4, v6) and one too specific; B: one accepted and one with a foreign next hop
        lab.memberA().announce(List.of(Announcement.of("45.128.10.0/24"), Announcement.of("2a0c:9a40:1000::/48"),
                Announcement.of("45.128.30.0/25")));
        lab.memberB().announce(List.of(Announcement.of("45.128.50.0/24"),
                Announcement.of("45.128.40.0/24").withNextHop("203.0.113.99")));

        await().atMost(BGP_WAIT).untilAsserted(() -> {
            assertCounts(exchange.peer("rs1", a, "ipv4"), 1, 1, 1);
            assertCounts(exchange.peer("rs1", a, "ipv6"), 1, 0, 0);
            assertCounts(exchange.peer("rs1", b, "ipv4"), 1, 1, 1);
            assertCounts(exchange.peer("rs1", b, "ipv6"), 0, 0, 1);
        });
        for (PeerStatus peer : exchange.status("rs1").peers) {
            assertThat(Arrays.asList(peer.imported, peer.filtered, peer.exported)).as("%s as BIRD counts it", peer.protocol)
                    .isEqualTo(birdsOwnFigures(lab, peer.protocol));
        }
        // the JoinRequests copy them when they are reconciled next (resync), not on every poll
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(cluster.request(a).getStatus().routeServers)
                .singleElement().satisfies(e -> assertThat(e.sessions)
                        .extracting(s -> s.family + " " + s.imported + "/" + s.filtered + "/" + s.exported)
                        .containsExactlyInAnyOrder("ipv4 1/1/1", "ipv6 1/0/0")));
        String ns = exchange.namespace();
        assertThat(metrics.gaugeValue(RouteServerMetrics.MEMBER_ROUTES, ns, "rs1", "asn", "64501", "family", "ipv4",
                "kind", "filtered")).isEqualTo(1.0);
        assertThat(metrics.gaugeValue(RouteServerMetrics.MEMBER_ROUTES, ns, "rs1", "asn", "64502", "family", "ipv6",
                "kind", "exported")).isEqualTo(1.0);
        assertThat(metrics.gaugeValue(RouteServerMetrics.ROUTES, ns, "rs1", "family", "ipv4", "kind", "imported"))
                .isEqualTo(2.0);

        // B withdraws its accepted route: A exports one route less, B imports none
        lab.memberB().announce(List.of(Announcement.of("45.128.40.0/24").withNextHop("203.0.113.99")));
        await().atMost(BGP_WAIT).untilAsserted(() -> {
            assertCounts(exchange.peer("rs1", a, "ipv4"), 1, 1, 0);
            assertCounts(exchange.peer("rs1", b, "ipv4"), 0, 1, 1);
        });
    }

    private static void assertCounts(PeerStatus peer, int imported, int filtered, int exported) {
        assertThat(Arrays.asList(peer.imported, peer.filtered, peer.exported))
                .as("imported/filtered/exported of %s", peer.protocol).containsExactly(imported, filtered, exported);
    }

    private static List<Integer> birdsOwnFigures(IxLab lab, String protocol) {
        String output = lab.routeServer().birdc("show", "protocols", "all", protocol).orThrow().output();
        Matcher m = BIRD_ROUTES.matcher(output);
        assertThat(m.find()).as("BIRD's Routes line of %s in:%n%s", protocol, output).isTrue();
        return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
