package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.auth.NetworkAffiliation;
import io.ztix.portal.auth.PortalUser;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ZeroTier node ID belongs to at most one live request per peering LAN, whoever asks and however fast. */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class NodeIdRulesTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Inject
    JoinRequestService service;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("nodelan", "Node rules LAN", true);
    }

    @Test
    void reservedZeroTierAddressesAreRefused() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            for (String reserved : List.of("0000000000", "ff12345678", "FFabcdef01")) {
                HtmlPage again = JoinRequestPagesTest.review(browser, "64501", "nodelan", reserved);
                assertThat(again.getElementById("form-error").asNormalizedText()).as(reserved)
                        .contains("reserved ZeroTier address");
            }
        }
        assertThat(cluster.get("nodelan-as64501-0000000000")).isNull();
        assertThat(cluster.get("nodelan-as64501-ff12345678")).isNull();
    }

    @Test
    void aNodeIdInAnotherMembersLiveRequestIsRefusedWithoutNamingThatMember() {
        String victim = request(64510, "00000e0a01", 1005L, null);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage review = JoinRequestPagesTest.review(browser, "64501", "nodelan", "00000e0a01");
            String error = review.getElementById("form-error").asNormalizedText();
            assertThat(error).contains("already in a request on this peering LAN").contains("contact the IX")
                    .doesNotContain("64510").doesNotContain(victim).doesNotContain("Other");
            assertThat(review.getElementById("existing-request")).isNull();
        }
        assertThat(cluster.get("nodelan-as64501-00000e0a01")).as("no hijacking request").isNull();
    }

    @Test
    void aNodeIdInTheUsersOwnRequestForAnotherAsnNamesThatRequest() {
        PortalUser both = new PortalUser(null, "two-asns", "Two ASNs", null, false, false,
                List.of(new NetworkAffiliation(64501, null, 15, null), new NetworkAffiliation(64510, null, 15, null)), List.of());
        JoinRequest first = service.create(both, new NewRequest(64510, "nodelan", "00000e0a02"));
        cluster.awaitCached(first.getMetadata().getName());

        assertThatThrownBy(() -> service.create(both, new NewRequest(64501, "nodelan", "00000e0a02")))
                .isInstanceOfSatisfying(NodeIdTaken.class,
                        e -> assertThat(e.visibleHolder()).isEqualTo(first.getMetadata().getName()));
        assertThat(cluster.get("nodelan-as64501-00000e0a02")).isNull();
    }

    @Test
    void aRejectedRequestNoLongerHoldsItsNodeId() {
        request(64510, "00000e0a04", 1005L, new Approval(Approval.Decision.Rejected, "typo", "alice"));
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage detail = Browser.click(JoinRequestPagesTest.review(browser, "64501", "nodelan", "00000e0a04"), "submit");
            assertThat(detail.getUrl().getPath()).isEqualTo("/requests/nodelan-as64501-00000e0a04");
        }
    }

    @Test
    void aWithdrawnRequestGivesItsNodeIdBackAtOnce() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage detail = Browser.click(JoinRequestPagesTest.review(browser, "64501", "nodelan", "00000e0a05"), "submit");
            Browser.click(detail, "withdraw");
        }
        await(() -> cache.joinRequest("nodelan-as64501-00000e0a05").isEmpty());
        PortalUser otto = localUser("otto-node", 64510);
        JoinRequest created = service.create(otto, new NewRequest(64510, "nodelan", "00000e0a05"));
        assertThat(created.getMetadata().getName()).isEqualTo("nodelan-as64510-00000e0a05");
    }

    @Test
    void theClaimIsALeaseOwnedByTheRequestSoKubernetesDeletesItWithTheRequest() {
        JoinRequest created = service.create(localUser("lease-owner", 64501), new NewRequest(64501, "nodelan", "00000e0a06"));
        Lease claim = client.resources(Lease.class).inNamespace(Cluster.NAMESPACE)
                .withName("ztix-node-nodelan-00000e0a06").get();
        assertThat(claim.getSpec().getHolderIdentity()).isEqualTo(created.getMetadata().getName());
        assertThat(claim.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("JoinRequest");
            assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
        });
    }

    @Test
    void aClaimLeftBehindByAPortalThatDiedBeforeCreatingItsRequestIsTakenOverOnceItIsOld() {
        client.resource(new LeaseBuilder().withNewMetadata().withName("ztix-node-nodelan-00000e0a07")
                .withNamespace(Cluster.NAMESPACE).endMetadata().withNewSpec()
                .withHolderIdentity("nodelan-as64510-00000e0a07")
                .withAcquireTime(java.time.ZonedDateTime.parse("2020-01-01T00:00:00Z"))
                .endSpec().build()).create();
        JoinRequest created = service.create(localUser("taker", 64501), new NewRequest(64501, "nodelan", "00000e0a07"));
        assertThat(created).isNotNull();

        client.resource(new LeaseBuilder().withNewMetadata().withName("ztix-node-nodelan-00000e0a08")
                .withNamespace(Cluster.NAMESPACE).endMetadata().withNewSpec()
                .withHolderIdentity("nodelan-as64510-00000e0a08").withAcquireTime(NodeClaims.now())
                .endSpec().build()).create();
        assertThatThrownBy(() -> service.create(localUser("taker", 64501), new NewRequest(64501, "nodelan", "00000e0a08")))
                .as("the other portal is creating its request this very moment").isInstanceOf(NodeIdTaken.class);
        assertThat(cluster.get("nodelan-as64501-00000e0a08")).isNull();
    }

    @Test
    void twoSubmitsOfOneNodeIdForTwoAsnsAtTheSameMomentLeaveExactlyOneRequest() throws Exception {
        PortalUser alice = localUser("race-alice", 64501);
        PortalUser otto = localUser("race-otto", 64510);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String nodeId = "00000e0b" + String.format("%02x", round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> outcomes = new ArrayList<>();
                for (PortalUser user : List.of(alice, otto)) {
                    long asn = user == alice ? 64501 : 64510;
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            return service.create(user, new NewRequest(asn, "nodelan", nodeId));
                        } catch (NodeIdTaken e) {
                            return e;
                        }
                    }));
                }
                start.countDown();
                int created = 0;
                for (Future<Object> outcome : outcomes) {
                    if (outcome.get(30, TimeUnit.SECONDS) instanceof JoinRequest) {
                        created++;
                    }
                }
                List<JoinRequest> inCluster = client.resources(JoinRequest.class).inNamespace(Cluster.NAMESPACE).list()
                        .getItems().stream().filter(r -> nodeId.equals(r.getSpec().nodeId)).toList();
                assertThat(created).as("round %d: node %s", round, nodeId).isEqualTo(1);
                assertThat(inCluster).as("round %d: node %s", round, nodeId).hasSize(1);
                // the winner leaves again: eight winners of one ASN on one LAN would otherwise meet the per-ASN
                // quota (a real refusal, not the race under test)
                String winner = inCluster.get(0).getMetadata().getName();
                client.resource(inCluster.get(0)).delete();
                await(() -> cache.joinRequest(winner).isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static PortalUser localUser(String name, long asn) {
        return new PortalUser(null, name, name, null, false, false, List.of(new NetworkAffiliation(asn, null, 15, null)),
                List.of());
    }

    private String request(long asn, String nodeId, Long peeringDbUser, Approval approval) {
        JoinRequest jr = Cluster.newRequest("nodelan", asn, nodeId);
        jr.getSpec().networkName = "Other Net";
        jr.getSpec().requester = new Requester();
        jr.getSpec().requester.peeringdbUserId = peeringDbUser;
        jr.getSpec().approval = approval;
        cluster.create(jr);
        return jr.getMetadata().getName();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(condition);
    }
}
