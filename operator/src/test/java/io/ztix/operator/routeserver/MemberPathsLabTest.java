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
import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.lab.Vrp;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session poll asks the route server's ZeroTier node for its peers in the SSH session it already has: a script
 * on the route server (over real OpenSSH) stands in for {@code zerotier-cli -j peers}, printing what zerotier-one
 * prints for one member reached directly and one relayed.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class MemberPathsLabTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** zerotier-one's {@code -j peers} shape (see zerotier/README-peers.md): A direct at 12 ms, B relayed. */
    private static final String PEERS = """
            [
             {"address": "aaaa000001", "latency": 12, "role": "LEAF", "version": "1.14.2",
              "paths": [{"active": true, "expired": false, "preferred": true, "address": "198.51.100.45/9993"}]},
             {"address": "bbbb000002", "latency": 143, "role": "LEAF", "version": "1.12.2", "paths": []}
            ]
            """;

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

    @Test
    void eachMembersPathIsReadInThePollAndKeptWhileTheRouteServerCannotBeReached() throws IOException {
        parts = LabParts.start("a0a0000001", "zt-token-paths");
        parts.lab().stayrtr().updateVrps(List.of(new Vrp("45.128.10.0/24", 24, 64501)));
        LabExchange exchange = parts.exchange(client, api, "paths");
        Cluster cluster = exchange.cluster();
        exchange.create(parts.routeServer(exchange, "rs1"));
        List<String> members = exchange.approveMembersAAndB();
        String a = members.get(0);
        String b = members.get(1);

        // the lab's route server has no zerotier-cli: every path Unknown, saying why; the poll goes on
        await().atMost(WAIT).untilAsserted(() -> assertThat(exchange.status("rs1").memberPaths)
                .extracting(p -> p.joinRequest + " " + p.path.reach).containsExactlyInAnyOrder(a + " Unknown", b + " Unknown"));
        assertThat(exchange.status("rs1").memberPaths).allSatisfy(p -> assertThat(p.path.message)
                .contains("zerotier-cli is not installed"));
        assertThat(exchange.condition("rs1", RouteServer.COND_READY).status).isEqualTo(Condition.TRUE);

        exchange.patchSpec("rs1", Map.of("zeroTierCliCommand", zeroTierCli(parts.sshd().directory())));
        await().atMost(WAIT).untilAsserted(() -> assertThat(exchange.status("rs1").memberPaths)
                .extracting(p -> p.nodeId + " " + p.path.reach + " " + p.path.latencyMs + " " + p.path.version)
                .containsExactly("aaaa000001 Direct 12 1.14.2", "bbbb000002 Relayed 143 1.12.2"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.request(a).getStatus().routeServers)
                .singleElement().satisfies(e -> assertThat(e.path.reach).isEqualTo(Reach.Direct)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.request(b).getStatus().routeServers)
                .singleElement().satisfies(e -> assertThat(e.path.reach).isEqualTo(Reach.Relayed)));

        // SSH down: health, not membership — the last paths stay, the members stay Active
        List<MemberPath> before = exchange.status("rs1").memberPaths;
        parts.sshd().stop();
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(exchange.condition("rs1", RouteServer.COND_REACHABLE).status)
                    .isEqualTo(Condition.FALSE));
            assertThat(exchange.status("rs1").memberPaths).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
            assertThat(cluster.request(a).getStatus().routeServers.get(0).path.reach).isEqualTo(Reach.Direct);
            assertThat(cluster.request(a).getStatus().phase).isEqualTo(Phase.Active);
        } finally {
            parts.sshd().restart();
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(exchange.condition("rs1", RouteServer.COND_REACHABLE).status)
                .isEqualTo(Condition.TRUE));
    }

    /** A zerotier-cli on the route server that answers {@code -j peers} with {@link #PEERS} and refuses anything else. */
    private static String zeroTierCli(Path directory) throws IOException {
        Path json = directory.resolve("peers.json");
        Files.writeString(json, PEERS);
        Path cli = directory.resolve("zerotier-cli");
        Files.writeString(cli, "#!/bin/sh\n[ \"$1 $2\" = \"-j peers\" ] || exit 2\ncat '" + json + "'\n");
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
        return cli.toString();
    }
}
