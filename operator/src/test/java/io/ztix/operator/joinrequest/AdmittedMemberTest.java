package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admitted member stays exactly as admitted until a decision removes it. */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class AdmittedMemberTest {

    private static final String TOKEN = "admitted-token";
    private static final String CONTROLLER = "ad0000c0de";

    @Inject
    KubernetesClient client;

    private SelfHostedFake controller;
    private Cluster cluster;
    private String networkId;

    @BeforeEach
    void controllerAndNetwork() {
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, "t-" + UUID.randomUUID().toString().substring(0, 8));
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        networkId = CONTROLLER + suffix;
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), suffix)).create();
        cluster.awaitNetworkReady("ix");
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void anApprovedMemberIsAdmittedWithWhatTheRouteServersConfigure() {
        String name = approve(64501, "aabbccdd01");
        JoinRequest active = cluster.awaitPhase(name, Phase.Active);

        var admitted = active.getStatus().admitted;
        assertThat(admitted.asn).isEqualTo(64501);
        assertThat(admitted.nodeId).isEqualTo("aabbccdd01");
        assertThat(admitted.networkRef).isEqualTo("ix");
        assertThat(admitted.ipv6).isEqualTo(active.getStatus().assignedIps.ipv6);
        assertThat(admitted.ipv4).isEqualTo(active.getStatus().assignedIps.ipv4);
        assertThat(admitted.approval.decidedBy).isEqualTo("alice");
        assertThat(admitted.generation).isNotNull();
        assertThat(admitted.admittedAt).isNotBlank();
        assertThat(condition(name, JoinRequest.COND_DEGRADED).status).isEqualTo(Condition.FALSE);
    }

    @Test
    void rejectingWhileTheControllerIsDownTakesTheMemberOffTheRouteServersAndTheNodeOffWhenItIsBack() {
        String name = approve(64501, "aabbccdd01");
        cluster.awaitPhase(name, Phase.Active);
        controller.setDown(true);
        try {
            cluster.setApproval(name, rejected("peering policy violated", "bob"));

            JoinRequest revoked = cluster.awaitPhase(name, Phase.Rejected);
            assertThat(Membership.onRouteServers(revoked)).as("off the route servers at once").isEmpty();
            await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(condition(name,
                    JoinRequest.COND_MEMBER_AUTHORIZED).reason).isEqualTo("RemovalPending"));
            assertThat(controller.member(networkId, "aabbccdd01")).isPresent();
        } finally {
            controller.setDown(false);
        }
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(controller.member(networkId, "aabbccdd01")).isEmpty();
            assertThat(cluster.request(name).getStatus().admitted).isNull();
            assertThat(condition(name, JoinRequest.COND_MEMBER_AUTHORIZED).reason).isEqualTo("Removed");
        });
    }

    @Test
    void changingTheAsnOfAnAdmittedRequestFreezesTheAdmittedMemberAndSaysWhy() {
        String name = approve(64501, "aabbccdd01");
        JoinRequest active = cluster.awaitPhase(name, Phase.Active);
        JsonNode memberBefore = controller.member(networkId, "aabbccdd01").orElseThrow();

        // forbidden by the CRD's CEL rule; the mock API (like a store without the rule) accepts it
        patchSpec(name, "{\"spec\":{\"asn\":64999}}");

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(condition(name, JoinRequest.COND_DEGRADED).reason).isEqualTo("SpecChangedAfterAdmission");
            assertThat(condition(name, JoinRequest.COND_DEGRADED).message).contains("spec.asn is 64999 but AS64501 was admitted");
            assertThat(condition(name, JoinRequest.COND_VALID).status).isEqualTo(Condition.FALSE);
            assertThat(condition(name, JoinRequest.COND_READY).status).isEqualTo(Condition.FALSE);
        });
        JoinRequest frozen = cluster.request(name);
        assertThat(frozen.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(frozen.getStatus().admitted.asn).isEqualTo(64501);
        assertThat(frozen.getStatus().admitted.ipv6).isEqualTo(active.getStatus().admitted.ipv6);
        assertThat(Membership.onRouteServers(frozen)).hasValueSatisfying(r -> assertThat(r.asn).isEqualTo(64501));
        assertThat(controller.member(networkId, "aabbccdd01").orElseThrow().get("ipAssignments"))
                .isEqualTo(memberBefore.get("ipAssignments"));
        assertThat(cluster.events()).anyMatch(e -> "Degraded".equals(e.getReason()) && e.getMessage().contains("64999"));

        cluster.setApproval(name, rejected("ASN changed; file a new request", "bob"));
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(controller.member(networkId, "aabbccdd01")).as("the admitted node").isEmpty();
            assertThat(cluster.request(name).getStatus().admitted).isNull();
        });
    }

    @Test
    void raisedMaxPrefixesWaitForANewApprovalThenAreAdmitted() {
        String name = approve(64501, "aabbccdd01");
        cluster.awaitPhase(name, Phase.Active);

        patchSpec(name, "{\"spec\":{\"maxPrefixes\":{\"ipv4\":5000,\"ipv6\":5000}}}");
        await().atMost(Cluster.WAIT).untilAsserted(() ->
                assertThat(condition(name, JoinRequest.COND_DEGRADED).reason).isEqualTo("TermsChangedWithoutApproval"));
        assertThat(cluster.request(name).getStatus().admitted.maxPrefixes).isNull();
        assertThat(cluster.request(name).getStatus().phase).isEqualTo(Phase.Active);

        patchSpec(name, "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"alice\","
                + "\"reason\":\"max-prefix raised to 5000\"}}}");
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus().admitted.maxPrefixes).isNotNull();
            assertThat(seen.getStatus().admitted.maxPrefixes.ipv4).isEqualTo(5000);
            assertThat(condition(name, JoinRequest.COND_DEGRADED).status).isEqualTo(Condition.FALSE);
        });
        assertThat(cluster.events()).anyMatch(e -> "Readmitted".equals(e.getReason()));
    }

    @Test
    void aMemberAdmittedByAnOlderVersionGetsItsRecordOnFirstSightWithoutAControllerCall() {
        controller.setDown(true);
        try {
            JoinRequest legacy = request(cluster.namespace(), "ix", 64501, "aabbccdd01", peeringDbUser(1, true));
            legacy.getSpec().approval = approved("alice");
            legacy.setStatus(new JoinRequestStatus());
            legacy.getStatus().phase = Phase.Active;
            legacy.getStatus().sequence = 1L;
            legacy.getStatus().assignedIps = new AssignedIps("2001:db8:ff:0:6:4501:0:1", "203.0.113.1");
            legacy.getStatus().conditions.add(new Condition(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.TRUE,
                    "Authorized", "authorized by an older version"));
            client.resource(legacy).create();
            String name = legacy.getMetadata().getName();

            await().atMost(Cluster.WAIT).untilAsserted(() -> {
                JoinRequest seen = cluster.request(name);
                assertThat(seen.getStatus().admitted).isNotNull();
                assertThat(seen.getStatus().admitted.ipv6).isEqualTo("2001:db8:ff:0:6:4501:0:1");
                assertThat(seen.getStatus().admitted.ipv4).isEqualTo("203.0.113.1");
                assertThat(seen.getStatus().phase).isEqualTo(Phase.Active);
                assertThat(condition(name, JoinRequest.COND_DEGRADED).reason).isEqualTo("ControllerUnavailable");
            });
            assertThat(cluster.events()).anyMatch(e -> "AdmissionRecorded".equals(e.getReason()));
        } finally {
            controller.setDown(false);
        }
    }

    private String approve(long asn, String nodeId) {
        JoinRequest created = client.resource(request(cluster.namespace(), "ix", asn, nodeId, peeringDbUser(1, true))).create();
        cluster.setApproval(created.getMetadata().getName(), approved("alice"));
        return created.getMetadata().getName();
    }

    private void patchSpec(String name, String mergePatch) {
        client.resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    private Condition condition(String name, String type) {
        JoinRequest seen = cluster.request(name);
        assertThat(seen.getStatus()).isNotNull();
        return Conditions.find(seen.getStatus().conditions, type)
                .orElseThrow(() -> new AssertionError("no " + type + " in " + seen.getStatus().conditions));
    }
}
