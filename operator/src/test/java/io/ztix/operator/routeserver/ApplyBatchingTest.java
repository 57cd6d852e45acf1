package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Approvals that arrive close together reach BIRD as one reconfiguration, not one each: the route server says
 * ApplyPending while it waits, then loads one file with all of them. Real BIRD over real OpenSSH; a quiet time of
 * 6 s and an apply interval of 20 s (the test profile's 300 ms would make the batch a matter of luck).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
@TestProfile(ApplyBatchingTest.SlowApplies.class)
class ApplyBatchingTest {

    private static final String NS = "batching";

    public static class SlowApplies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ztix.operator.apply-debounce", "6s", "ztix.operator.apply-interval", "20s");
        }
    }

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Test
    void threeApprovalsInQuickSuccessionAreAppliedTogetherAfterApplyPending() {
        try (SelfHostedFake controller = SelfHostedFake.started("0ba7c40001", "batching-token");
                OpenSshServer sshd = OpenSshServer.start(); BirdDaemon bird = BirdDaemon.start()) {
            RecordingBirdc birdc = RecordingBirdc.install(bird);
            Cluster cluster = new Cluster(client, api, NS);
            client.resource(tokenSecret(NS, "batching-token")).create();
            client.resource(RouteServers.sshKeySecret(NS, "rs1-ssh", sshd)).create();
            ZtNetwork network = selfHostedNetwork(NS, "ix", controller.url(), "0ba7c4");
            network.getSpec().peeringLan.ipv4 = null;
            client.resource(network).create();
            cluster.awaitNetworkReady("ix");
            client.resource(RouteServers.birdRouteServer(NS, "rs1", "ix", sshd, bird, birdc, "198.51.100.1",
                    "2001:db8:ff::1", "rs1-ssh")).create();
            await().atMost(Cluster.WAIT).until(() -> birdc.configuredFiles().size() == 1);
            List<String> names = IntStream.range(0, 3).mapToObj(i -> cluster.submit(request(NS, "ix", 64801L + i,
                    String.format("%010x", 0xba00000000L + i), peeringDbUser(i, true))).getMetadata().getName())
                    .toList();

            AtomicBoolean pendingSeen = new AtomicBoolean();
            names.parallelStream().forEach(name -> cluster.setApproval(name, approved("alice")));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                RouteServer rs = client.resources(RouteServer.class).inNamespace(NS).withName("rs1").get();
                if (Conditions.find(rs.getStatus().conditions, RouteServer.COND_READY)
                        .filter(c -> "ApplyPending".equals(c.reason) && c.message.contains("waiting to be applied")).isPresent()) {
                    pendingSeen.set(true);
                }
                return names.stream().allMatch(name -> cluster.request(name).getStatus() != null
                        && cluster.request(name).getStatus().phase == Phase.Active);
            });

            assertThat(pendingSeen).as("Ready said ApplyPending while the change waited").isTrue();
            assertThat(birdc.configuredFiles().stream().map(RouteServers::memberSessionsV6).toList())
                    .as("members in each configuration BIRD loaded: the empty one, then all three at once")
                    .containsExactly(0, 3);
        }
    }
}
