package io.ztix.operator.recheck;

import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.MemberFinding;
import io.ztix.api.network.MemberChecksSpec;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.joinrequest.MembershipMetrics;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.FastMemberRechecks;
import io.ztix.operator.testsupport.PeeringDbStandIn;
import io.ztix.operator.testsupport.PeeringDbStandIn.Mode;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admitted members are re-checked against PeeringDB (a stand-in on loopback, every second here instead of daily):
 * a finding is shown on the request (MemberCheck condition, one Warning Event, the per-reason gauge) and changes
 * nothing else; PeeringDB failing changes nothing at all.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
@TestProfile(FastMemberRechecks.class)
class MemberRecheckTest {

    private static final String TOKEN = "recheck-token";
    private static final String CONTROLLER = "ec0000c0de";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    MembershipMetrics metrics;

    @Inject
    MemberChecks checks;

    @ConfigProperty(name = "ztix.peeringdb.url")
    String peeringDbUrl;

    private PeeringDbStandIn peeringDb;
    private SelfHostedFake controller;
    private Cluster cluster;

    @BeforeEach
    void exchange() {
        peeringDb = PeeringDbStandIn.start(URI.create(peeringDbUrl).getPort());
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, api, "t-" + UUID.randomUUID().toString().substring(0, 8));
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), suffix)).create();
        cluster.awaitNetworkReady("ix");
    }

    @AfterEach
    void stop() {
        controller.close();
        peeringDb.close();
    }

    @Test
    void aNetworkTurningNeverViaRouteServersIsShownOnceAndTheMemberStaysActive() {
        peeringDb.net(64501, false).net(64502, false);
        String flagged = cluster.submitApproved("ix", 64501, "ecbbccdd01", 1);
        String other = cluster.submitApproved("ix", 64502, "ecbbccdd02", 2);
        awaitMemberCheck(flagged, Condition.TRUE, "Passed");
        awaitMemberCheck(other, Condition.TRUE, "Passed");

        peeringDb.net(64501, true);

        JoinRequest seen = awaitMemberCheck(flagged, Condition.FALSE, "NeverViaRouteServers");
        assertThat(seen.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK).orElseThrow().message)
                .contains("AS64501").contains("info_never_via_route_servers");
        await().atMost(Cluster.WAIT).until(() -> metrics.findings(cluster.namespace(), "ix", "NeverViaRouteServers") == 1);
        int checksSoFar = peeringDb.calls().size();
        await().atMost(Cluster.WAIT).until(() -> peeringDb.calls().size() >= checksSoFar + 3); // re-checked meanwhile
        assertThat(warnings(flagged, "MemberCheckNeverViaRouteServers")).hasSize(1);
        assertThat(cluster.request(other).getStatus().phase).isEqualTo(Phase.Active);
        assertThat(Conditions.find(cluster.request(other).getStatus().conditions, JoinRequest.COND_MEMBER_CHECK)
                .orElseThrow().reason).isEqualTo("Passed");

        peeringDb.net(64501, false);

        awaitMemberCheck(flagged, Condition.TRUE, "Passed");
        await().atMost(Cluster.WAIT).until(() -> metrics.findings(cluster.namespace(), "ix", "NeverViaRouteServers") == 0);
        assertThat(cluster.events()).anyMatch(e -> "MemberCheckPassed".equals(e.getReason())
                && flagged.equals(e.getInvolvedObject().getName()));
    }

    @Test
    void aNetworkGoneFromASuccessfulAnswerIsAFindingButPeeringDbFailingChangesNothing() {
        peeringDb.net(64511, false);
        String name = cluster.submitApproved("ix", 64511, "ecbbccdd11", 11);
        awaitMemberCheck(name, Condition.TRUE, "Passed");
        peeringDb.mode(Mode.SERVER_ERROR);
        peeringDb.deleteNet(64511);

        for (Mode failing : List.of(Mode.SERVER_ERROR, Mode.RATE_LIMITED, Mode.GARBAGE)) {
            peeringDb.mode(failing);
            peeringDb.retryAfter("1");
            int before = peeringDb.calls().size();
            await().atMost(Cluster.WAIT).until(() -> peeringDb.calls().size() >= before + 2);
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus().phase).as("while PeeringDB answers %s", failing).isEqualTo(Phase.Active);
            assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK).orElseThrow().reason)
                    .as("while PeeringDB answers %s", failing).isEqualTo("Passed");
        }
        peeringDb.close(); // down
        awaitStable(name);

        peeringDb = PeeringDbStandIn.start(URI.create(peeringDbUrl).getPort());
        JoinRequest seen = awaitMemberCheck(name, Condition.FALSE, "NoPeeringDbNetwork");
        assertThat(seen.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(warnings(name, "MemberCheckNoPeeringDbNetwork")).hasSize(1);
    }

    @Test
    void whereTheNetworkSuspendsAFindingSuspendsTheMemberUntilAnApproverAcknowledgesIt() {
        suspendingNetwork();
        peeringDb.net(64521, false);
        String name = cluster.submitApproved("ix", 64521, "ecbbccdd21", 21);
        awaitMemberCheck(name, Condition.TRUE, "Passed");

        peeringDb.net(64521, true);

        JoinRequest suspended = cluster.awaitPhase(name, Phase.Suspended);
        assertThat(suspended.getStatus().suspendedFor).isEqualTo(MemberFinding.NeverViaRouteServers);
        assertThat(suspended.getStatus().admitted).isNotNull();
        assertThat(Conditions.find(suspended.getStatus().conditions, JoinRequest.COND_READY).orElseThrow())
                .satisfies(c -> assertThat(c.reason).isEqualTo("Suspended"));
        assertThat(warnings(name, "Suspended")).hasSize(1);

        Approval acknowledged = new Approval(Approval.Decision.Approved, "re-checked by hand", "bob");
        acknowledged.acknowledgedFindings = List.of(MemberFinding.NeverViaRouteServers);
        cluster.setApproval(name, acknowledged);

        JoinRequest active = cluster.awaitPhase(name, Phase.Active);
        assertThat(active.getStatus().suspendedFor).isNull();
        awaitMemberCheck(name, Condition.TRUE, "FindingAcknowledged");
        assertThat(cluster.events()).anyMatch(e -> "SuspensionLifted".equals(e.getReason()));
    }

    @Test
    void aSuspensionIsLiftedByItselfWhenTheFindingGoesAwayAndOnlyApproversMayAcknowledge() {
        suspendingNetwork();
        peeringDb.net(64531, false);
        String name = cluster.submitApproved("ix", 64531, "ecbbccdd31", 31);
        awaitMemberCheck(name, Condition.TRUE, "Passed");
        peeringDb.deleteNet(64531);
        assertThat(cluster.awaitPhase(name, Phase.Suspended).getStatus().suspendedFor).isEqualTo(MemberFinding.NoPeeringDbNetwork);

        Approval byThePortal = new Approval(Approval.Decision.Approved, null, "alice");
        byThePortal.acknowledgedFindings = List.of(MemberFinding.NoPeeringDbNetwork);
        assertThatThrownBy(() -> cluster.portal().resources(JoinRequest.class).inNamespace(cluster.namespace())
                .withName(name).edit(r -> {
                    r.getSpec().approval = byThePortal;
                    return r;
                })).isInstanceOf(KubernetesClientException.class).hasMessageContaining("spec.approval");

        peeringDb.net(64531, false);

        JoinRequest active = cluster.awaitPhase(name, Phase.Active);
        assertThat(active.getStatus().suspendedFor).isNull();
        assertThat(Conditions.find(active.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK).orElseThrow().reason)
                .isEqualTo("Passed");
    }

    private void suspendingNetwork() {
        ZtNetwork network = cluster.network("ix");
        network.getSpec().memberChecks = new MemberChecksSpec();
        network.getSpec().memberChecks.onFinding = MemberChecksSpec.OnFinding.Suspend;
        client.resource(network).update();
    }

    /** PeeringDB down: once the operator has found it unreachable, the request is as it was. */
    private void awaitStable(String name) {
        String before = Conditions.find(cluster.request(name).getStatus().conditions, JoinRequest.COND_MEMBER_CHECK)
                .orElseThrow().lastTransitionTime;
        await().atMost(Cluster.WAIT).until(() -> checks.failure().filter(f -> f.contains("cannot be reached")).isPresent());
        JoinRequest seen = cluster.request(name);
        assertThat(seen.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK).orElseThrow())
                .satisfies(c -> {
                    assertThat(c.reason).isEqualTo("Passed");
                    assertThat(c.lastTransitionTime).isEqualTo(before);
                });
    }

    private JoinRequest awaitMemberCheck(String name, String status, String reason) {
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK))
                    .as("MemberCheck of %s (PeeringDB calls %s)", name, peeringDb)
                    .hasValueSatisfying(c -> {
                        assertThat(c.status).isEqualTo(status);
                        assertThat(c.reason).isEqualTo(reason);
                    });
        });
        return cluster.request(name);
    }

    private List<Event> warnings(String name, String reason) {
        return cluster.events().stream().filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason())
                && name.equals(e.getInvolvedObject().getName())).toList();
    }
}
