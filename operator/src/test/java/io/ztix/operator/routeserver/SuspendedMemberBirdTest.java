package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.MemberFinding;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.MemberChecksSpec;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.testsupport.BirdDaemon;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.FastMemberRechecks;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.PeeringDbStandIn;
import io.ztix.operator.testsupport.RecordingBirdc;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A member suspended after a PeeringDB re-check has its sessions shut down by real BIRD (over real OpenSSH) while
 * another member's stay as they are; the acknowledgement brings them back. No peer answers here, so a live session
 * is in BGP state Connect/Active ("start"), a disabled one "down".
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
@TestProfile(FastMemberRechecks.class)
class SuspendedMemberBirdTest {

    private static final String NS = "suspended-bird";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @ConfigProperty(name = "ztix.peeringdb.url")
    String peeringDbUrl;

    @Test
    void aSuspendedMembersSessionIsDisabledInBirdAndTheOtherMembersIsUntouched() {
        try (PeeringDbStandIn peeringDb = PeeringDbStandIn.start(URI.create(peeringDbUrl).getPort());
                SelfHostedFake controller = SelfHostedFake.started("5b5b5b0001", "suspend-token");
                OpenSshServer sshd = OpenSshServer.start(); BirdDaemon bird = BirdDaemon.start()) {
            RecordingBirdc birdc = RecordingBirdc.install(bird);
            Cluster cluster = new Cluster(client, api, NS);
            client.resource(tokenSecret(NS, "suspend-token")).create();
            client.resource(RouteServers.sshKeySecret(NS, "rs1-ssh", sshd)).create();
            ZtNetwork network = selfHostedNetwork(NS, "ix", controller.url(), "5b5b5b");
            network.getSpec().peeringLan.ipv4 = null;
            network.getSpec().memberChecks = new MemberChecksSpec();
            network.getSpec().memberChecks.onFinding = MemberChecksSpec.OnFinding.Suspend;
            client.resource(network).create();
            cluster.awaitNetworkReady("ix");
            client.resource(RouteServers.birdRouteServer(NS, "rs1", "ix", sshd, bird, birdc, "198.51.100.1",
                    "2001:db8:ff::1", "rs1-ssh")).create();
            peeringDb.net(64541, false).net(64542, false);
            String suspended = cluster.submitApproved("ix", 64541, "5b00000041", 41);
            String other = cluster.submitApproved("ix", 64542, "5b00000042", 42);
            cluster.awaitPhase(suspended, Phase.Active);
            cluster.awaitPhase(other, Phase.Active);
            String suspendedSession = "m_as64541_5b00000041_v6";
            String otherSession = "m_as64542_5b00000042_v6";
            await().atMost(Cluster.WAIT).until(() -> state(bird, suspendedSession).equals("start")
                    && state(bird, otherSession).equals("start"));
            int configuredBefore = birdc.configuredFiles().size();

            peeringDb.net(64541, true);

            cluster.awaitPhase(suspended, Phase.Suspended);
            await().atMost(Cluster.WAIT).until(() -> state(bird, suspendedSession).equals("down"));
            assertThat(state(bird, otherSession)).isEqualTo("start");
            String file = birdc.configuredFiles().get(birdc.configuredFiles().size() - 1);
            assertThat(file).contains("protocol bgp " + suspendedSession).contains("suspended: a PeeringDB re-check");
            assertThat(birdc.configuredFiles().size()).isGreaterThan(configuredBefore);
            assertThat(cluster.request(other).getStatus().phase).isEqualTo(Phase.Active);

            Approval acknowledged = new Approval(Approval.Decision.Approved, "route servers are fine for them", "bob");
            acknowledged.acknowledgedFindings = List.of(MemberFinding.NeverViaRouteServers);
            cluster.setApproval(suspended, acknowledged);

            cluster.awaitPhase(suspended, Phase.Active);
            await().atMost(Cluster.WAIT).until(() -> state(bird, suspendedSession).equals("start"));
        }
    }

    /** The protocol's state column in {@code birdc show protocols NAME} ("up", "start", "down"). */
    private static String state(BirdDaemon bird, String protocol) {
        return bird.birdc("show", "protocols", protocol).lines().filter(l -> l.startsWith(protocol + " "))
                .map(l -> l.trim().split("\\s+")[3]).findFirst().orElse("missing");
    }
}
