package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.api.routeserver.RtrServerStatus;
import io.ztix.api.routeserver.ZeroTierPath;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.routeserver.apply.ProtocolState;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.observe.RouteCounts;
import io.ztix.operator.routeserver.rpki.RpkiReport;
import io.ztix.operator.testsupport.MovableClock;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RouteServer status of a 10,000-member dual-stack exchange, recorded by the operator's own recorders (the
 * sessions of the configuration BIRD runs, one observation of BIRD with route counters, the members' ZeroTier paths,
 * their IRR lists) and written as the reconciler writes it: bounded, far below what etcd takes, and accepted by an
 * API that refuses what a real cluster refuses. Prints the serialized size of the complete and the bounded status.
 */
class RouteServerStatusSizeTest {

    private static final int MEMBERS = 10_000;
    private static final String NS = "ix-size";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void theStatusOfTenThousandDualStackMembersStaysWellUnderOneMebibyteAndIsWritten() {
        RouteServer routeServer = recorded(MEMBERS, 100);
        byte[] complete = Serialization.asJson(routeServer).getBytes(StandardCharsets.UTF_8);

        StatusBounds.bound(routeServer.getStatus());
        byte[] bounded = Serialization.asJson(routeServer).getBytes(StandardCharsets.UTF_8);

        System.out.printf("RouteServer status size at %,d dual-stack members: complete lists %,d bytes (%.2f MiB), "
                + "bounded %,d bytes (%.1f KiB)%n", MEMBERS, complete.length, complete.length / 1048576.0, bounded.length,
                bounded.length / 1024.0);
        assertThat(complete.length).as("the complete lists alone are larger than etcd takes").isGreaterThan(1536 * 1024);
        assertThat(bounded.length).isLessThan(256 * 1024);
        RouteServerStatus status = routeServer.getStatus();
        assertThat(status.peerCount).isEqualTo(2 * MEMBERS);
        assertThat(status.peerSummary.total).isEqualTo(2 * MEMBERS);
        assertThat(status.peerSummary.byState).containsEntry("Established", 2 * MEMBERS - 200).containsEntry("Active", 200);
        assertThat(status.peerSummary.needingAttention).isEqualTo(200);
        assertThat(status.peerSummary.truncated).isTrue();
        assertThat(status.peers).hasSize(RouteServerStatus.LISTED).allMatch(p -> "Active".equals(p.state));
        assertThat(status.memberPathSummary.byState).containsEntry("Direct", MEMBERS - 100).containsEntry("Unreachable", 100);
        assertThat(status.memberPaths).hasSize(100).allMatch(p -> p.path.reach == ZeroTierPath.Reach.Unreachable);
        assertThat(status.irrSummary.byState).containsEntry("Applied", MEMBERS - 100).containsEntry("Failed", 100);
        assertThat(status.irr).hasSize(100).allMatch(i -> IrrListStatus.FAILED.equals(i.outcome));
        assertThat(status.memberDetailHash).hasSize(64);

        try (KubeApiStandIn api = KubeApiStandIn.start(Path.of("..").toAbsolutePath().normalize());
                KubernetesClient admin = client(api)) {
            api.createNamespace(NS);
            RouteServer created = admin.resource(withoutStatus(routeServer)).create();
            RouteServer unbounded = recorded(MEMBERS, 100);
            unbounded.getMetadata().setResourceVersion(null);
            assertThatThrownBy(() -> admin.resource(unbounded).updateStatus())
                    .as("before: the complete lists cannot even be sent (over 3 MiB; over 1.5 MiB etcd would refuse them)")
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(413);
                        assertThat(e.getStatus().getMessage()).isEqualTo("Request entity too large: limit is 3145728");
                    });

            routeServer.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
            admin.resource(routeServer).updateStatus();
            RouteServer read = admin.resources(RouteServer.class).inNamespace(NS).withName("rs1").get();
            assertThat(read.getStatus().peerSummary.total).isEqualTo(2 * MEMBERS);
            assertThat(read.getStatus().peers).hasSize(RouteServerStatus.LISTED);
        }
    }

    @Test
    void aSmallExchangeStillListsEverySessionPathAndIrrList() {
        RouteServer routeServer = recorded(3, 3);

        StatusBounds.bound(routeServer.getStatus());

        RouteServerStatus status = routeServer.getStatus();
        assertThat(status.peers).hasSize(6);
        assertThat(status.memberPaths).hasSize(3);
        assertThat(status.irr).hasSize(3);
        assertThat(status.peerSummary.truncated).isFalse();
        assertThat(status.peerSummary.listed).isEqualTo(6);
        assertThat(status.peerSummary.byState).containsEntry("Established", 4).containsEntry("Active", 2);
    }

    private static KubernetesClient client(KubeApiStandIn api) {
        // fabric8 retries a 500 ten times with a growing pause, as the operator's client does: not needed to see it
        Config config = api.config(io.ztix.testing.kubeapi.Identity.approver("sandbox-admin"), NS);
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static RouteServer withoutStatus(RouteServer routeServer) {
        RouteServer copy = new RouteServer();
        copy.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName("rs1").build());
        copy.setSpec(routeServer.getSpec());
        return copy;
    }

    /**
     * The status the recorders make for {@code members} dual-stack members, of whom every {@code troubled}-th has
     * both sessions Active, no ZeroTier path and a failed IRR lookup.
     */
    private RouteServer recorded(int members, int troubled) {
        RouteServer routeServer = routeServer();
        RouteServerStatusRecorder status = new RouteServerStatusRecorder(routeServer, clock);
        List<PeerStatus> sessions = new ArrayList<>();
        List<ProtocolState> protocols = new ArrayList<>();
        Map<String, RouteCounts> routes = new HashMap<>();
        List<MemberPath> paths = new ArrayList<>();
        List<IrrListStatus> irr = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            long asn = 4_200_000_000L + i;
            String node = String.format("%010x", 0xa000000000L + i);
            String name = "ix-as" + asn + "-" + node;
            boolean down = i % troubled == troubled - 1;
            for (String family : List.of("ipv6", "ipv4")) {
                PeerStatus session = new PeerStatus();
                session.joinRequest = name;
                session.asn = asn;
                session.family = family;
                // documentation prefixes only: the IPv4 addresses repeat, their length is what counts here
                session.address = family.equals("ipv6") ? "2001:db8:ff::" + Integer.toHexString(i + 2)
                        : "203.0.113." + (i % 250 + 2);
                session.protocol = "m_as" + asn + "_" + node + "_" + (family.equals("ipv6") ? "v6" : "v4");
                session.receiveLimit = family.equals("ipv6") ? 1100L : 5500L;
                sessions.add(session);
                protocols.add(new ProtocolState(session.protocol, "BGP", "---", down ? "start" : "up",
                        "2026-11-25 17:19:32", down ? "Active        Socket: Connection refused" : "Established"));
                if (!down) {
                    routes.put(session.protocol, new RouteCounts(12, 1, 180_000));
                }
            }
            paths.add(path(node, name, down));
            irr.add(irr(name, asn, down));
        }
        status.runsConfiguration("a".repeat(64), true, sessions);
        RtrServerStatus rtr = new RtrServerStatus();
        rtr.host = "rtr.example.net";
        rtr.port = 8282;
        rtr.protocol = "rpki1";
        rtr.inSync = true;
        status.observed(new BirdObservation(clock.instant(), protocols, Map.of(), Map.of(), routes,
                BirdVersion.parse("2.17.1")), new RpkiReport(List.of(rtr), "True", "InSync", "in sync", List.of()));
        status.memberPaths(paths);
        status.irr(new IrrPlan(Map.of(), irr, true));
        status.finish();
        return routeServer;
    }

    private static MemberPath path(String node, String name, boolean down) {
        MemberPath path = new MemberPath();
        path.nodeId = node;
        path.joinRequest = name;
        path.path = new ZeroTierPath();
        path.path.reach = down ? ZeroTierPath.Reach.Unreachable : ZeroTierPath.Reach.Direct;
        path.path.latencyMs = down ? null : 23;
        path.path.version = down ? null : "1.14.2";
        path.path.message = down ? "the route server's ZeroTier node has no contact with this node" : null;
        return path;
    }

    private static IrrListStatus irr(String name, long asn, boolean failed) {
        IrrListStatus lists = new IrrListStatus();
        lists.joinRequest = name;
        lists.objects = List.of("AS" + asn + ":AS-CUSTOMERS");
        lists.outcome = failed ? IrrListStatus.FAILED : IrrListStatus.APPLIED;
        lists.message = failed ? "bgpq4 timed out after 120 s; the previous lists stay" : null;
        lists.originAsns = 14;
        lists.ipv4Entries = 120;
        lists.ipv6Entries = 40;
        lists.refreshedTime = "2026-12-02T04:00:00Z";
        lists.lastAttemptTime = "2026-12-02T10:00:00Z";
        return lists;
    }

    private static RouteServer routeServer() {
        try {
            RouteServer rs = RouteServerFailurePathsTest.routeServer(NS, 22); // never connected to here
            rs.getMetadata().setGeneration(1L);
            return rs;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
