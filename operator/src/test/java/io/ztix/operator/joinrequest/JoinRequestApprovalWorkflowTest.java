package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.network;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.rejected;
import static io.ztix.operator.testsupport.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
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
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetworkSpec.ApprovalPolicy;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.RawObjects;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class JoinRequestApprovalWorkflowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private String ns;

    @BeforeEach
    void freshNamespace() {
        ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void requestWithoutDecisionIsPending() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(1, true)));

        JoinRequest seen = awaitPhase(created, Phase.Pending);

        assertCondition(seen, JoinRequest.COND_APPROVED, Condition.UNKNOWN, "AwaitingDecision");
        assertCondition(seen, JoinRequest.COND_READY, Condition.FALSE, "AwaitingDecision");
        assertThat(seen.getStatus().observedGeneration).isEqualTo(seen.getMetadata().getGeneration());
    }

    @Test
    void approvalMovesToApprovedAndRejectionMovesBackToRejected() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(1, false)));
        awaitPhase(created, Phase.Pending);

        setApproval(created, approved("alice"));
        JoinRequest approvedRequest = awaitPhase(created, Phase.Approved);
        assertCondition(approvedRequest, JoinRequest.COND_APPROVED, Condition.TRUE, "Approved");

        setApproval(created, rejected("no PeeringDB record", "bob"));
        JoinRequest rejectedRequest = awaitPhase(created, Phase.Rejected);
        assertCondition(rejectedRequest, JoinRequest.COND_APPROVED, Condition.FALSE, "Rejected");
        assertThat(Conditions.find(rejectedRequest.getStatus().conditions, JoinRequest.COND_APPROVED).orElseThrow().message)
                .contains("no PeeringDB record").contains("bob");

        setApproval(created, approved("alice"));
        awaitPhase(created, Phase.Approved);

        setApproval(created, null);
        awaitPhase(created, Phase.Pending);
    }

    @Test
    void rejectionWithoutReasonIsReportedAsInvalidAndStaysPending() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(1, false)));
        awaitPhase(created, Phase.Pending);

        // the CRD refuses a rejection without a reason today; an older CRD let it in
        JoinRequest stored = get(created);
        stored.getSpec().approval = rejected("  ", "bob");
        RawObjects.replace(api, ns, "joinrequests", stored.getMetadata().getName(), Serialization.asJson(stored));

        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(created);
            assertCondition(seen, JoinRequest.COND_VALID, Condition.FALSE, "InvalidSpec");
            assertThat(seen.getStatus().phase).isEqualTo(Phase.Pending);
            assertThat(seen.getStatus().lastError).contains("a rejection needs a reason");
        });
    }

    @Test
    void approvalThatNamesNobodyIsReportedAsInvalidAndStaysPending() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd02", peeringDbUser(1, false)));
        awaitPhase(created, Phase.Pending);

        // the CRD refuses a blank decidedBy today (KubeApiStandInTest); an older CRD let it in
        JoinRequest stored = get(created);
        stored.getSpec().approval = approved(" ");
        RawObjects.replace(api, ns, "joinrequests", stored.getMetadata().getName(), Serialization.asJson(stored));

        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(created);
            assertCondition(seen, JoinRequest.COND_VALID, Condition.FALSE, "InvalidSpec");
            assertThat(seen.getStatus().phase).isEqualTo(Phase.Pending);
            assertThat(seen.getStatus().lastError).contains("spec.approval.decidedBy must name who decided");
        });
    }

    @Test
    void requestForMissingNetworkStaysPendingAndMovesOnWhenTheNetworkAppears() {
        JoinRequest created = cluster().submit(request(ns, "later", 64501, "aabbccdd01", peeringDbUser(1, false)));
        setApproval(created, approved("alice"));

        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(created);
            assertCondition(seen, JoinRequest.COND_VALID, Condition.FALSE, "NetworkNotFound");
            assertThat(seen.getStatus().phase).isEqualTo(Phase.Pending);
            assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_VALID).orElseThrow().message)
                    .contains("ZtNetwork 'later' does not exist");
        });

        client.resource(network(ns, "later", ApprovalPolicy.Manual)).create();

        JoinRequest seen = awaitPhase(created, Phase.Approved);
        assertCondition(seen, JoinRequest.COND_VALID, Condition.TRUE, "Valid");
    }

    @Test
    void autoForVerifiedNetworkApprovesVerifiedRequesterAndRecordsWhoDecided() {
        client.resource(network(ns, "auto", ApprovalPolicy.AutoForVerified)).create();
        JoinRequest created = cluster().submit(request(ns, "auto", 64501, "aabbccdd01", peeringDbUser(7, true)));

        JoinRequest seen = awaitPhase(created, Phase.Approved);

        assertThat(seen.getSpec().approval.decidedBy).isEqualTo(JoinRequestReconciler.AUTO_APPROVER);
        await().atMost(WAIT).untilAsserted(() -> assertThat(reasonsOfEventsFor(created)).contains("AutoApproved"));
    }

    @Test
    void autoForVerifiedNetworkLeavesARequestHeldForAnAdminPendingAndSaysSoOnce() {
        client.resource(network(ns, "auto", ApprovalPolicy.AutoForVerified)).create();
        JoinRequest held = request(ns, "auto", 64501, "aabbccdd02", peeringDbUser(7, true));
        held.getMetadata().setLabels(Map.of(JoinRequest.LABEL_HELD_FOR_ADMIN, JoinRequest.HELD_NEVER_VIA_ROUTE_SERVERS));
        JoinRequest created = cluster().submit(held);

        JoinRequest seen = awaitPhase(created, Phase.Pending);
        assertThat(seen.getSpec().approval).as("waits for an admin as on a Manual network").isNull();
        assertCondition(seen, JoinRequest.COND_APPROVED, Condition.UNKNOWN, "AwaitingDecision");
        await().atMost(WAIT).untilAsserted(() -> assertThat(reasonsOfEventsFor(created)).contains("HeldForAdmin"));

        client.resources(JoinRequest.class).inNamespace(ns).withName(created.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"networkName\":\"Renamed Net\"}}");
        JoinRequest again = awaitPhase(created, Phase.Pending);
        assertThat(again.getMetadata().getGeneration()).isGreaterThan(seen.getMetadata().getGeneration());
        assertThat(again.getSpec().approval).isNull();
        assertThat(reasonsOfEventsFor(created)).filteredOn("HeldForAdmin"::equals).hasSize(1);

        setApproval(created, approved("alice"));
        assertThat(awaitPhase(created, Phase.Approved).getSpec().approval.decidedBy).isEqualTo("alice");
    }

    @Test
    void autoForVerifiedNetworkLeavesUnverifiedRequesterPending() {
        client.resource(network(ns, "auto", ApprovalPolicy.AutoForVerified)).create();
        JoinRequest created = cluster().submit(request(ns, "auto", 64501, "aabbccdd01", peeringDbUser(8, false)));

        JoinRequest seen = awaitPhase(created, Phase.Pending);

        assertThat(seen.getSpec().approval).isNull();
        assertCondition(seen, JoinRequest.COND_APPROVED, Condition.UNKNOWN, "AwaitingDecision");
    }

    @Test
    void manualNetworkNeverApprovesByItself() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(9, true)));

        JoinRequest seen = awaitPhase(created, Phase.Pending);

        assertThat(seen.getSpec().approval).isNull();
    }

    @Test
    void decisionsAreRecordedAsEvents() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(1, false)));
        awaitPhase(created, Phase.Pending);

        setApproval(created, rejected("duplicate of another request", "bob"));
        awaitPhase(created, Phase.Rejected);

        await().atMost(WAIT).untilAsserted(() -> {
            List<Event> events = eventsFor(created);
            assertThat(events).extracting(Event::getReason).contains("Rejected");
            assertThat(events).filteredOn(e -> "Rejected".equals(e.getReason()))
                    .allSatisfy(e -> assertThat(e.getMessage()).contains("duplicate of another request"));
        });
    }

    /**
     * The CRD's root rule refuses a request under another name on create. It checks create only (optionalOldSelf), so
     * one already in etcd (no CRD version let one in, but a store can hold anything) still takes the operator's
     * finalizer and status, and the admin sees the operator's report naming the expected name.
     */
    @Test
    void requestWithWrongNameIsRefusedByTheApiAndOneInEtcdIsReportedInvalidNamingTheExpectedName() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest wrong = request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(1, false));
        wrong.getMetadata().setName("my-request");

        assertThatThrownBy(() -> cluster().submit(wrong)).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getMessage()).contains("metadata.name must be <networkRef>-as<asn>-<nodeId>");
        });

        JoinRequest inEtcd = rawCreate(wrong);
        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(inEtcd);
            assertCondition(seen, JoinRequest.COND_VALID, Condition.FALSE, "InvalidSpec");
            assertThat(seen.getStatus().lastError).contains("metadata.name must be 'ix-as64501-aabbccdd01'")
                    .contains("got 'my-request'");
            assertThat(eventsFor(inEtcd)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("InvalidSpec"));
        });
    }

    @Test
    void reservedAsnIsInvalid() {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = rawCreate(request(ns, "ix", 23456, "aabbccdd01", peeringDbUser(1, false)));

        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(created);
            assertCondition(seen, JoinRequest.COND_VALID, Condition.FALSE, "InvalidSpec");
            assertThat(seen.getStatus().lastError).contains("AS23456 is reserved");
        });
    }

    @Test
    void zeroTiersReservedNodeIdsAreInvalid() {
        client.resource(network(ns, "ix", ApprovalPolicy.AutoForVerified)).create();
        JoinRequest broadcast = rawCreate(request(ns, "ix", 64501, "ff00000001", peeringDbUser(1, true)));
        JoinRequest zero = rawCreate(request(ns, "ix", 64501, "0000000000", peeringDbUser(1, true)));

        for (JoinRequest created : List.of(broadcast, zero)) {
            await().atMost(WAIT).untilAsserted(() -> {
                JoinRequest seen = get(created);
                assertCondition(seen, JoinRequest.COND_VALID, Condition.FALSE, "InvalidSpec");
                assertThat(seen.getStatus().lastError).contains("reserved by ZeroTier");
                assertThat(seen.getSpec().approval).as("never auto-approved").isNull();
                assertThat(seen.getStatus().assignedIps).isNull();
            });
        }
    }

    @Test
    void lastTransitionTimeStaysPutAcrossReconcilesWithoutAFlip() throws InterruptedException {
        client.resource(network(ns, "ix", ApprovalPolicy.Manual)).create();
        JoinRequest created = cluster().submit(request(ns, "ix", 64501, "aabbccdd01", peeringDbUser(1, false)));
        setApproval(created, approved("alice"));
        JoinRequest first = awaitPhase(created, Phase.Approved);
        String approvedSince = Conditions.find(first.getStatus().conditions, JoinRequest.COND_APPROVED).orElseThrow().lastTransitionTime;

        Thread.sleep(1100); // timestamps have second resolution: a rewrite would now show a new value
        client.resources(JoinRequest.class).inNamespace(ns).withName(created.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"networkName\":\"Renamed Net\"}}");

        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(created);
            assertThat(seen.getStatus().observedGeneration).isEqualTo(seen.getMetadata().getGeneration());
            assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_APPROVED).orElseThrow().lastTransitionTime)
                    .isEqualTo(approvedSince);
        });
    }

    private void setApproval(JoinRequest request, io.ztix.api.joinrequest.Approval approval) {
        cluster().setApproval(request.getMetadata().getName(), approval);
    }

    private Cluster cluster() {
        return new Cluster(client, api, ns);
    }

    /**
     * A request the API refuses today (its CRD rules), written into the store as an older CRD let it in: the
     * operator must still judge it itself.
     */
    private JoinRequest rawCreate(JoinRequest request) {
        RawObjects.create(api, ns, "joinrequests", Serialization.asJson(request));
        return request;
    }

    private JoinRequest awaitPhase(JoinRequest request, Phase phase) {
        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = get(request);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(seen.getStatus().phase).isEqualTo(phase);
            assertThat(seen.getStatus().observedGeneration).isEqualTo(seen.getMetadata().getGeneration());
        });
        return get(request);
    }

    private JoinRequest get(JoinRequest request) {
        return client.resources(JoinRequest.class).inNamespace(ns).withName(request.getMetadata().getName()).get();
    }

    private List<Event> eventsFor(JoinRequest request) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> request.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .toList();
    }

    private List<String> reasonsOfEventsFor(JoinRequest request) {
        return eventsFor(request).stream().map(Event::getReason).toList();
    }

    private static void assertCondition(JoinRequest request, String type, String status, String reason) {
        // an assertion, not a NullPointerException, so that await().untilAsserted keeps polling until status appears
        assertThat(request.getStatus()).as("status").isNotNull();
        Condition condition = Conditions.find(request.getStatus().conditions, type)
                .orElseThrow(() -> new AssertionError("no " + type + " condition in " + request.getStatus().conditions));
        assertThat(condition.status).as(type + ".status").isEqualTo(status);
        assertThat(condition.reason).as(type + ".reason").isEqualTo(reason);
        assertThat(condition.lastTransitionTime).as(type + ".lastTransitionTime").isNotBlank();
    }
}
