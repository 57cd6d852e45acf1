package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.RawObjects;
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

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private SelfHostedFake controller;
    private Cluster cluster;
    private String networkId;

    @BeforeEach
    void controllerAndNetwork() {
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, api, "t-" + UUID.randomUUID().toString().substring(0, 8));
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

    /**
     * spec.asn is immutable (a CRD rule since the first version): the API refuses the change, and the admitted member
     * stays as it was. (Were a changed ASN in etcd anyway, a real API server would refuse the operator's status writes
     * to that object too: its name no longer matches the CRD's root rule.)
     */
    @Test
    void changingTheAsnOfAnAdmittedRequestIsRefusedAndTheAdmittedMemberStays() {
        String name = approve(64501, "aabbccdd01");
        JoinRequest active = cluster.awaitPhase(name, Phase.Active);
        JsonNode memberBefore = controller.member(networkId, "aabbccdd01").orElseThrow();

        assertThatThrownBy(() -> cluster.admin("alice").resources(JoinRequest.class).inNamespace(cluster.namespace())
                .withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"asn\":64999}}"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("spec.asn").contains("asn is immutable");
                });

        JoinRequest unchanged = cluster.request(name);
        assertThat(unchanged.getSpec().asn).isEqualTo(64501);
        assertThat(unchanged.getStatus().phase).isEqualTo(Phase.Active);
        assertThat(unchanged.getStatus().admitted.ipv6).isEqualTo(active.getStatus().admitted.ipv6);
        assertThat(controller.member(networkId, "aabbccdd01").orElseThrow().get("ipAssignments"))
                .isEqualTo(memberBefore.get("ipAssignments"));

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

        cluster.setApproval(name, new Approval(Approval.Decision.Approved, "max-prefix raised to 5000", "alice"));
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus().admitted.maxPrefixes).isNotNull();
            assertThat(seen.getStatus().admitted.maxPrefixes.ipv4).isEqualTo(5000);
            assertThat(condition(name, JoinRequest.COND_DEGRADED).status).isEqualTo(Condition.FALSE);
        });
        assertThat(cluster.events()).anyMatch(e -> "Readmitted".equals(e.getReason()));
    }

    @Test
    void theMemberChoosesToReceiveBlackholesAndBackWithoutANewApproval() {
        String name = approve(64501, "aabbccdd01");
        JoinRequest active = cluster.awaitPhase(name, Phase.Active);
        assertThat(active.getStatus().admitted.acceptBlackholes).as("not unless asked for").isNull();

        // as the portal writes the member's choice on an approved request; the stand-in runs the chart's policy
        setAcceptBlackholesAsThePortal(name, true);
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus().admitted.acceptBlackholes).isTrue();
            assertThat(seen.getStatus().admitted.approval.decidedBy).as("under the same approval").isEqualTo("alice");
            assertThat(seen.getStatus().admitted.ipv6).isEqualTo(active.getStatus().admitted.ipv6);
            assertThat(seen.getStatus().phase).isEqualTo(Phase.Active);
            assertThat(condition(name, JoinRequest.COND_DEGRADED).status).isEqualTo(Condition.FALSE);
        });
        assertThat(cluster.events()).anyMatch(e -> "OwnChoicesAdmitted".equals(e.getReason())
                && e.getMessage().contains("receives blackhole routes"));

        setAcceptBlackholesAsThePortal(name, false);
        await().atMost(Cluster.WAIT).untilAsserted(() ->
                assertThat(cluster.request(name).getStatus().admitted.acceptBlackholes).isNull());
        assertThat(cluster.events()).anyMatch(e -> "OwnChoicesAdmitted".equals(e.getReason())
                && e.getMessage().contains("no longer receives blackhole routes"));
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
            // as an older operator version left it (approved by alice, admitted): straight into the store
            RawObjects.create(api, cluster.namespace(), "joinrequests", Serialization.asJson(legacy));
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
        return cluster.submitApproved("ix", asn, nodeId, 1);
    }

    private void setAcceptBlackholesAsThePortal(String name, boolean accept) {
        cluster.portal().resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"routing\":{\"acceptBlackholes\":" + accept + "}}}");
    }

    /** A spec change the API refuses today (CRD rule or the chart's policy), as an older CRD let it into the store. */
    private void patchSpec(String name, String mergePatch) {
        RawObjects.mergePatch(api, "joinrequests", cluster.request(name), mergePatch);
    }

    private Condition condition(String name, String type) {
        JoinRequest seen = cluster.request(name);
        assertThat(seen.getStatus()).isNotNull();
        return Conditions.find(seen.getStatus().conditions, type)
                .orElseThrow(() -> new AssertionError("no " + type + " in " + seen.getStatus().conditions));
    }
}
