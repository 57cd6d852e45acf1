package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdConfigRenderer;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.irr.IrrConfig;
import io.ztix.operator.recheck.MemberChecks;
import io.ztix.operator.irr.IrrRegistry;
import io.ztix.operator.irr.IrrStore;
import io.ztix.operator.joinrequest.JoinRequestReconciler;
import io.ztix.operator.joinrequest.MemberProvisioner;
import io.ztix.operator.joinrequest.MembershipMetrics;
import io.ztix.operator.joinrequest.RequestsOutOfReach;
import io.ztix.operator.network.ControllerClients;
import io.ztix.operator.network.NetworkSynchronizer;
import io.ztix.operator.network.ZtNetworkReconciler;
import io.ztix.operator.network.ZtNetworkStatusWriter;
import io.ztix.operator.reading.UnreadableObjects;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Restarts and leader changes keep the data plane: an operator instance is stopped in the middle of a burst of
 * approvals and a new one (cold caches, empty memory, as after a restart or when a second replica takes the
 * Lease) takes over. Every configuration BIRD is told to load is recorded: none has fewer members than the one
 * before it.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
@TestProfile(OperatorRestartTest.OperatorsStartedByTheTest.class)
class OperatorRestartTest {

    private static final String NS = "restart";

    /** The test runs the operator instances itself. */
    public static class OperatorsStartedByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.operator-sdk.start-operator", "false");
        }
    }

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;
    @Inject
    ControllerClients clients;
    @Inject
    NetworkSynchronizer synchronizer;
    @Inject
    ZtNetworkStatusWriter statusWriter;
    @Inject
    EventRecorder events;
    @Inject
    UnreadableObjects unreadable;
    @Inject
    RequestsOutOfReach outOfReach;
    @Inject
    MembershipMetrics membershipMetrics;
    @Inject
    MemberProvisioner provisioner;
    @Inject
    RouteServerConnection connection;
    @Inject
    RouteServerMetrics routeServerMetrics;
    @Inject
    RemovalGuard guard;
    @Inject
    OperatorConfig config;
    @Inject
    Clock clock;
    @Inject
    IrrConfig irrConfig;
    @Inject
    MemberChecks memberChecks;
    @Inject
    IrrStore irrStore;
    @Inject
    BirdConfigRenderer renderer;

    @Test
    void aNewOperatorInstanceInTheMiddleOfABurstNeverConfiguresFewerMembers() {
        try (SelfHostedFake controller = SelfHostedFake.started("0e57a70001", "restart-token");
                OpenSshServer sshd = OpenSshServer.start(); BirdDaemon bird = BirdDaemon.start()) {
            RecordingBirdc birdc = RecordingBirdc.install(bird);
            Cluster cluster = new Cluster(client, api, NS);
            client.resource(tokenSecret(NS, "restart-token")).create();
            client.resource(RouteServers.sshKeySecret(NS, "rs1-ssh", sshd)).create();
            ZtNetwork network = selfHostedNetwork(NS, "ix", controller.url(), "0e57a7");
            network.getSpec().peeringLan.ipv4 = null;
            client.resource(network).create();
            client.resource(RouteServers.birdRouteServer(NS, "rs1", "ix", sshd, bird, birdc, "198.51.100.1",
                    "2001:db8:ff::1", "rs1-ssh")).create();
            List<String> names = IntStream.range(0, 24).mapToObj(i -> cluster.submit(request(NS, "ix", 64601L + i,
                    String.format("%010x", 0xcc00000000L + i), peeringDbUser(i, true))).getMetadata().getName())
                    .toList();

            Operator first = operator();
            names.subList(0, 8).forEach(name -> cluster.setApproval(name, approved("alice")));
            names.subList(0, 8).forEach(name -> cluster.awaitPhase(name, Phase.Active));
            names.subList(8, 24).parallelStream().forEach(name -> cluster.setApproval(name, approved("alice")));
            // in the middle of the burst: some of it admitted, some not, some applied, some waiting
            await().atMost(Cluster.WAIT).until(() -> names.stream().filter(n -> cluster.request(n).getStatus() != null
                    && cluster.request(n).getStatus().admitted != null).count() >= 12);
            first.stop();
            Operator second = operator();
            try {
                names.forEach(name -> cluster.awaitPhase(name, Phase.Active));
            } finally {
                second.stop();
            }

            List<Integer> memberCounts = birdc.configuredFiles().stream().map(RouteServers::memberSessionsV6).toList();
            assertThat(memberCounts).as("members of every configuration BIRD loaded").isNotEmpty().isSorted();
            assertThat(memberCounts.get(memberCounts.size() - 1)).isEqualTo(24);
        }
    }

    @Test
    void aMemberWhoseObjectCannotBeReadAtAllStaysOnTheRouteServerUntilItIsFixed() {
        try (SelfHostedFake controller = SelfHostedFake.started("0e57a70002", "guard-token");
                OpenSshServer sshd = OpenSshServer.start(); BirdDaemon bird = BirdDaemon.start()) {
            RecordingBirdc birdc = RecordingBirdc.install(bird);
            String ns = "guard";
            Cluster cluster = exchange(ns, "guard-token", "0e57a8", controller, sshd, bird, birdc);
            Operator operator = operator();
            try {
                List<String> names = List.of(approve(cluster, 64701, "dd00000001"), approve(cluster, 64702, "dd00000002"));
                names.forEach(name -> cluster.awaitPhase(name, Phase.Active));
                JoinRequest victim = cluster.request(names.get(0));

                // neither spec nor status can be read: nothing says what was admitted, nothing decided either
                String broken = io.fabric8.kubernetes.client.utils.Serialization.asJson(victim)
                        .replace("\"decision\":\"Approved\"", "\"decision\":\"Maybe\"")
                        .replace("\"phase\":\"Active\"", "\"phase\":\"Sideways\"");
                io.ztix.operator.testsupport.RawObjects.replace(api, ns, "joinrequests", names.get(0), broken);
                String third = approve(cluster, 64703, "dd00000003");

                await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(client.resources(
                        io.ztix.api.routeserver.RouteServer.class).inNamespace(ns).withName("rs1").get().getStatus().conditions)
                        .anySatisfy(c -> {
                            assertThat(c.reason).isEqualTo("MemberRemovalHeld");
                            assertThat(c.message).contains(names.get(0));
                        }));
                assertThat(bird.birdc("show", "protocols")).contains("m_as64701_dd00000001_v6");
                assertThat(cluster.events()).anyMatch(e -> "MemberRemovalHeld".equals(e.getReason()));

                io.ztix.operator.testsupport.RawObjects.replace(api, ns, "joinrequests", names.get(0),
                        broken.replace("\"Maybe\"", "\"Approved\"").replace("\"Sideways\"", "\"Active\""));
                cluster.awaitPhase(third, Phase.Active);
                assertThat(bird.birdc("show", "protocols")).contains("m_as64701_dd00000001_v6").contains("m_as64703_dd00000003_v6");
                List<Integer> memberCounts = birdc.configuredFiles().stream().map(RouteServers::memberSessionsV6).toList();
                assertThat(memberCounts).isSorted();
            } finally {
                operator.stop();
            }
        }
    }

    @Test
    void anOperatorWhoseTemplatesCannotRenderSaysSoAndKeepsTheRunningConfigurationAndEveryMember() {
        try (SelfHostedFake controller = SelfHostedFake.started("0e57a90003", "render-token");
                OpenSshServer sshd = OpenSshServer.start(); BirdDaemon bird = BirdDaemon.start()) {
            RecordingBirdc birdc = RecordingBirdc.install(bird);
            String ns = "render";
            Cluster cluster = exchange(ns, "render-token", "0e57a9", controller, sshd, bird, birdc);
            List<String> names;
            Operator first = operator();
            try {
                names = List.of(approve(cluster, 64701, "dd00000001"), approve(cluster, 64702, "dd00000002"));
                names.forEach(name -> cluster.awaitPhase(name, Phase.Active));
            } finally {
                first.stop();
            }
            String applied = client.resources(RouteServer.class).inNamespace(ns).withName("rs1").get().getStatus()
                    .appliedConfigHash;
            int configured = birdc.configuredFiles().size();

            // e.g. an upgrade whose templates read a property their view does not have: a Qute error, not an
            // IllegalArgumentException, which escaped the cycle and failed every reconcile without a word in status
            Operator upgraded = operator(new BirdConfigRenderer("bird-unrenderable/"));
            try {
                await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(client.resources(RouteServer.class)
                        .inNamespace(ns).withName("rs1").get().getStatus().conditions).anySatisfy(c -> {
                            assertThat(c.type).isEqualTo(RouteServer.COND_CONFIG_APPLIED);
                            assertThat(c.reason).isEqualTo("InvalidConfiguration");
                            assertThat(c.message).contains("The configuration cannot be built: template ztix cannot "
                                    + "be rendered").contains("noSuchProperty");
                        }));
                assertThat(cluster.events()).anyMatch(e -> "InvalidConfiguration".equals(e.getReason())
                        && "Warning".equals(e.getType()));
                RouteServer seen = client.resources(RouteServer.class).inNamespace(ns).withName("rs1").get();
                assertThat(seen.getStatus().appliedConfigHash).isEqualTo(applied);
                assertThat(birdc.configuredFiles()).hasSize(configured);
                assertThat(bird.birdc("show", "protocols")).contains("m_as64701_dd00000001_v6")
                        .contains("m_as64702_dd00000002_v6");
                names.forEach(name -> assertThat(cluster.request(name).getStatus().phase).isEqualTo(Phase.Active));
            } finally {
                upgraded.stop();
            }
        }
    }

    /** Token Secret, SSH key Secret, network "ix" on the controller, route server "rs1" on the BIRD. */
    private Cluster exchange(String ns, String token, String networkPrefix, SelfHostedFake controller,
            OpenSshServer sshd, BirdDaemon bird, RecordingBirdc birdc) {
        client.resource(tokenSecret(ns, token)).create();
        client.resource(RouteServers.sshKeySecret(ns, "rs1-ssh", sshd)).create();
        client.resource(selfHostedNetwork(ns, "ix", controller.url(), networkPrefix)).create();
        client.resource(RouteServers.birdRouteServer(ns, "rs1", "ix", sshd, bird, birdc, "198.51.100.1",
                "2001:db8:ff::1", "rs1-ssh")).create();
        return new Cluster(client, api, ns);
    }

    private String approve(Cluster cluster, long asn, String node) {
        return cluster.submitApproved("ix", asn, node, asn);
    }


    /** A fresh operator instance: new reconcilers (empty memory), new informers (cold caches). */
    private Operator operator() {
        return operator(renderer);
    }

    private Operator operator(BirdConfigRenderer birdRenderer) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
                .withUseSSAToPatchPrimaryResource(false).withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new ZtNetworkReconciler(clients, synchronizer, statusWriter, events, unreadable, config, clock));
        RouteServerDetails details = new RouteServerDetails();
        operator.register(new JoinRequestReconciler(provisioner, events, membershipMetrics, unreadable, outOfReach,
                memberChecks, config, clock, details));
        ApplyScheduler scheduler = new ApplyScheduler(config, clock);
        RouteServerObservations observations = new RouteServerObservations(routeServerMetrics, events, config, clock);
        RouteServerRollout rollout = new RouteServerRollout(scheduler, observations, routeServerMetrics, events, config, clock);
        operator.register(new RouteServerReconciler(new RouteServerCycle(connection, scheduler, routeServerMetrics, events,
                config, observations, rollout, guard, new IrrRegistry(irrConfig, irrStore, clock), birdRenderer, clock),
                routeServerMetrics, unreadable, details));
        operator.start();
        return operator;
    }
}
