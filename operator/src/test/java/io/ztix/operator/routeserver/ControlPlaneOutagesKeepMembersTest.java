package io.ztix.operator.routeserver;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.api.common.ApiGroup;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.server.Faults;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.joinrequest.MembershipMetrics;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.lab.BirdProtocol;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fail static, with real parts: two members with Established sessions on a real BIRD route server (real
 * OpenSSH, network namespaces). The ZeroTier controller then goes down, refuses the token, or its token Secret
 * disappears, or the Kubernetes API refuses the operator's writes to a request: no configuration is applied, every
 * session keeps its {@code since}, the requests stay Active and say Degraded, and everything recovers without a
 * human. "No configuration is applied" is asserted only after the route server has run several cycles with the
 * degraded requests in its cache (its SSH sessions counted), not after a fixed sleep.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class ControlPlaneOutagesKeepMembersTest {

    private static final Duration BGP_WAIT = Duration.ofSeconds(60);
    /** Route server cycles (one SSH session each, at least every poll interval of 2 s) that must see an outage. */
    private static final int CYCLES = 3;
    private static final String NS = "outages";
    private static final String TOKEN = "zt-token-outages";

    private static IxLab lab;
    private static OpenSshServer sshd;
    private static SelfHostedFake controller;
    private static String a;
    private static String b;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    RouteServerMetrics routeServerMetrics;

    @Inject
    MembershipMetrics membershipMetrics;

    @BeforeAll
    static void startLab() {
        lab = IxLab.start();
        sshd = OpenSshServer.start();
        controller = SelfHostedFake.started("0a7a6e0001", TOKEN);
    }

    @AfterAll
    static void stopLab() {
        if (controller != null) {
            controller.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void twoEstablishedMembers() {
        Cluster cluster = new Cluster(client, api, NS);
        if (a == null) {
            client.resource(tokenSecret(NS, TOKEN)).create();
            client.resource(new SecretBuilder().withNewMetadata().withNamespace(NS).withName("rs-ssh")
                    .addToLabels(SecretPurpose.LABEL, SecretPurpose.SSH_KEY.label()).endMetadata()
                    .addToStringData("id_ed25519", sshd.clientPrivateKey()).build()).create();
            client.resource(selfHostedNetwork(NS, "ix", controller.url(), "00a7a6")).create();
            cluster.awaitNetworkReady("ix");
            client.resources(ZtNetwork.class).inNamespace(NS).withName("ix").subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"allocation\":{\"lastIpv4Offset\":10}}}");
            client.resource(RouteServers.labRouteServer(NS, "rs1", "ix", sshd, lab)).create();
            a = approve(cluster, LanPeer.MEMBER_A, "aaaa000001");
            await().atMost(Cluster.WAIT).until(() -> cluster.request(a).getStatus() != null
                    && cluster.request(a).getStatus().assignedIps != null);
            b = approve(cluster, LanPeer.MEMBER_B, "bbbb000002");
        }
        // the first time, the lab's route server, StayRTR and BGP come up too (new members are held until RTR syncs):
        // under load that takes longer than Cluster.WAIT
        await().atMost(BGP_WAIT).untilAsserted(() -> List.of(a, b).forEach(name -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus()).as("status of " + name).isNotNull();
            assertThat(seen.getStatus().phase).as("phase of " + name).isEqualTo(Phase.Active);
        }));
        lab.memberA().awaitEstablished(BGP_WAIT);
        lab.memberB().awaitEstablished(BGP_WAIT);
        await().atMost(BGP_WAIT).untilAsserted(() -> assertThat(routeServer().getStatus().peers).hasSize(4)
                .allSatisfy(p -> assertThat(p.state).isEqualTo("Established")));
        await().atMost(Cluster.WAIT).untilAsserted(() -> List.of(a, b).forEach(name ->
                assertThat(condition(name, JoinRequest.COND_READY).status).isEqualTo(Condition.TRUE)));
    }

    @Test
    void controllerDownForSeveralResyncPeriodsKeepsEverySessionAndRecovers() {
        Map<String, String> since = sessionsSince();
        double applies = routeServerMetrics.applies(NS, "rs1", "applied");

        controller.setDown(true);
        try {
            awaitDegraded("ControllerUnavailable");
            assertThat(membershipMetrics.members(NS, "ix", "degraded")).isEqualTo(2);
            assertThat(new Cluster(client, api, NS).network("ix").getStatus().conditions)
                    .anySatisfy(c -> assertThat(c.type + "=" + c.status).isEqualTo("ControllerReachable=False"));
            awaitRouteServerCycles();
            assertMembersKept(since, applies, "ControllerUnavailable");
        } finally {
            controller.setDown(false);
        }
        awaitRecovered();
        SameSince.assertSessionsNotRestarted(since, sessionsSince(), "sessions and their since after recovery");
        assertThat(routeServerMetrics.applies(NS, "rs1", "applied")).isEqualTo(applies);
    }

    @Test
    void aRefusedTokenKeepsEverySessionAndARestoredTokenRecovers() {
        Map<String, String> since = sessionsSince();
        double applies = routeServerMetrics.applies(NS, "rs1", "applied");

        controller.setToken("rotated-elsewhere");
        try {
            awaitDegraded("TokenRejected");
            awaitRouteServerCycles();
            assertMembersKept(since, applies, "TokenRejected");
        } finally {
            controller.setToken(TOKEN);
        }
        awaitRecovered();
        SameSince.assertSessionsNotRestarted(since, sessionsSince(), "sessions and their since after recovery");
    }

    @Test
    void aDeletedTokenSecretKeepsEverySessionAndARecreatedOneRecovers() {
        Map<String, String> since = sessionsSince();
        double applies = routeServerMetrics.applies(NS, "rs1", "applied");

        client.secrets().inNamespace(NS).withName("zt-token").delete();
        try {
            awaitDegraded("TokenSecretUnavailable");
            awaitRouteServerCycles();
            assertMembersKept(since, applies, "TokenSecretUnavailable");
        } finally {
            client.resource(tokenSecret(NS, TOKEN)).create();
        }
        awaitRecovered();
        SameSince.assertSessionsNotRestarted(since, sessionsSince(), "sessions and their since after recovery");
    }

    @Test
    void aKubernetesApiErrorKeepsTheMemberOnTheRouteServersAndIsRecordedUntilTheApiAnswersAgain() {
        Map<String, String> since = sessionsSince();
        double applies = routeServerMetrics.applies(NS, "rs1", "applied");
        Cluster cluster = new Cluster(client, api, NS);
        String networkId = cluster.network("ix").getStatus().networkId;
        // the API refuses the operator's writes to a's object (as RBAC or an admission webhook can): the retry an
        // admin asks for cannot be cleared, so every reconciliation of a fails on that call
        Faults.Fault refused = api.faults().add(new Faults.Rule("PATCH", "/apis/ztix.io/v1alpha1/namespaces/" + NS
                + "/joinrequests/" + a, 403).from(api.serviceAccount("operator")));
        try {
            cluster.annotate(a, ApiGroup.RETRY_ANNOTATION, "now");
            await().atMost(Cluster.WAIT).untilAsserted(() -> {
                Condition degraded = condition(a, JoinRequest.COND_DEGRADED);
                assertThat(degraded.status).isEqualTo(Condition.TRUE);
                assertThat(degraded.reason).isEqualTo("KubernetesApiError");
                assertThat(degraded.message).contains("HTTP 403");
            });
            int refusals = refused.hits();
            // the operator keeps trying (and is refused again) while the route server runs its cycles
            await().atMost(Cluster.WAIT).until(() -> refused.hits() >= refusals + 2);
            awaitRouteServerCycles();
            assertRouteServerKept(since, applies);
            assertKeptAndDegraded(a, "KubernetesApiError");
            assertThat(condition(b, JoinRequest.COND_DEGRADED).status).as("the other member").isEqualTo(Condition.FALSE);
            assertThat(controller.member(networkId, "aaaa000001")).hasValueSatisfying(m ->
                    assertThat(m.path("authorized").asBoolean()).as("a on the controller").isTrue());
            assertThat(cluster.events()).filteredOn(e -> "Degraded".equals(e.getReason())
                    && a.equals(e.getInvolvedObject().getName()) && e.getMessage().contains("HTTP 403"))
                    .as("said once, not on every retry").hasSize(1);
        } finally {
            api.faults().remove(refused);
        }
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(condition(a, JoinRequest.COND_DEGRADED).status).isEqualTo(Condition.FALSE);
            assertThat(cluster.request(a).getMetadata().getAnnotations()).doesNotContainKey(ApiGroup.RETRY_ANNOTATION);
        });
        assertThat(cluster.events()).anyMatch(e -> "Recovered".equals(e.getReason()) && a.equals(e.getInvolvedObject().getName())
                && e.getMessage().contains("KubernetesApiError"));
        awaitRecovered();
        SameSince.assertSessionsNotRestarted(since, sessionsSince(), "sessions and their since after recovery");
        assertThat(routeServerMetrics.applies(NS, "rs1", "applied")).isEqualTo(applies);
    }

    /** The positive signal that the route server has seen the degraded requests: it ran {@link #CYCLES} more cycles. */
    private void awaitRouteServerCycles() {
        double sessions = routeServerMetrics.sessions(NS, "rs1");
        await().atMost(Cluster.WAIT).until(() -> routeServerMetrics.sessions(NS, "rs1") >= sessions + CYCLES);
    }

    private void assertMembersKept(Map<String, String> since, double applies, String reason) {
        assertRouteServerKept(since, applies);
        for (String name : List.of(a, b)) {
            assertKeptAndDegraded(name, reason);
        }
        assertThat(new Cluster(client, api, NS).events()).anyMatch(e -> "Degraded".equals(e.getReason())
                && a.equals(e.getInvolvedObject().getName()));
    }

    private void assertRouteServerKept(Map<String, String> since, double applies) {
        assertThat(routeServerMetrics.applies(NS, "rs1", "applied")).as("applies during the outage").isEqualTo(applies);
        SameSince.assertSessionsNotRestarted(since, sessionsSince(), "sessions and their since");
        assertThat(lab.routeServer().protocols()).filteredOn(p -> since.containsKey(p.name()))
                .allSatisfy(p -> assertThat(p.isEstablished()).as(p.name()).isTrue());
        assertThat(routeServer().getStatus().peers).hasSize(4);
    }

    private void assertKeptAndDegraded(String name, String reason) {
        JoinRequest seen = new Cluster(client, api, NS).request(name);
        assertThat(seen.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(seen.getStatus().admitted).isNotNull();
        assertThat(condition(name, JoinRequest.COND_MEMBER_AUTHORIZED).status).as("last verified value")
                .isEqualTo(Condition.TRUE);
        assertThat(condition(name, JoinRequest.COND_DEGRADED).reason).isEqualTo(reason);
        Condition ready = condition(name, JoinRequest.COND_READY);
        assertThat(ready.status).isEqualTo(Condition.UNKNOWN);
        assertThat(ready.message).contains("stays on every route server");
    }

    private void awaitDegraded(String reason) {
        await().atMost(Cluster.WAIT).untilAsserted(() -> List.of(a, b).forEach(name -> {
            Condition degraded = condition(name, JoinRequest.COND_DEGRADED);
            assertThat(degraded.status).isEqualTo(Condition.TRUE);
            assertThat(degraded.reason).isEqualTo(reason);
        }));
    }

    private void awaitRecovered() {
        await().atMost(Cluster.WAIT).untilAsserted(() -> List.of(a, b).forEach(name -> {
            assertThat(condition(name, JoinRequest.COND_DEGRADED).status).isEqualTo(Condition.FALSE);
            assertThat(condition(name, JoinRequest.COND_READY).status).isEqualTo(Condition.TRUE);
        }));
        new Cluster(client, api, NS).awaitNetworkReady("ix");
        assertThat(membershipMetrics.members(NS, "ix", "admitted")).isEqualTo(2);
        assertThat(membershipMetrics.members(NS, "ix", "degraded")).isZero();
    }

    private Map<String, String> sessionsSince() {
        return lab.routeServer().protocols().stream().filter(p -> p.name().startsWith("m_"))
                .collect(Collectors.toMap(BirdProtocol::name, p -> p.state() + " " + p.since()));
    }

    private Condition condition(String request, String type) {
        JoinRequest seen = new Cluster(client, api, NS).request(request);
        assertThat(seen.getStatus()).isNotNull();
        return Conditions.find(seen.getStatus().conditions, type)
                .orElseThrow(() -> new AssertionError("no " + type + " on " + request + ": " + seen.getStatus().conditions));
    }

    private RouteServer routeServer() {
        RouteServer rs = client.resources(RouteServer.class).inNamespace(NS).withName("rs1").get();
        assertThat(rs.getStatus()).isNotNull();
        return rs;
    }

    private String approve(Cluster cluster, LanPeer member, String nodeId) {
        return cluster.submitApproved("ix", member.asn(), nodeId, member.asn());
    }
}
