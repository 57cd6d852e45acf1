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
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.ApiGroup;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.AddressAllocation;
import io.ztix.api.network.AddressReservation;
import io.ztix.api.network.ZtNetwork;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class ZeroTierProvisioningTest {

    private static final String TOKEN = "controller-secret-token-1";
    private static final String CONTROLLER = "b23b7482a7";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private SelfHostedFake controller;
    private Cluster cluster;
    private String suffix;

    @BeforeEach
    void controllerAndNamespace() {
        controller = SelfHostedFake.started(CONTROLLER, TOKEN);
        cluster = new Cluster(client, api, "t-" + UUID.randomUUID().toString().substring(0, 8));
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), suffix)).create();
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    private String networkId() {
        return CONTROLLER + suffix;
    }

    private String approve(long asn, String nodeId) {
        return cluster.submitApproved("ix", asn, nodeId, 1);
    }

    @Test
    void approvedRequestIsAuthorizedWithDeterministicAddresses() {
        ZtNetwork network = cluster.awaitNetworkReady("ix");
        assertThat(network.getStatus().networkId).isEqualTo(networkId());
        assertThat(controller.network(networkId())).isPresent();

        String name = approve(64501, "aabbccdd01");
        JoinRequest active = cluster.awaitPhase(name, Phase.Active);

        assertThat(active.getStatus().assignedIps.ipv6).isEqualTo("2001:db8:ff:0:6:4501:0:1");
        assertThat(active.getStatus().assignedIps.ipv4).isEqualTo("203.0.113.1");
        assertThat(Conditions.isTrue(active.getStatus().conditions, JoinRequest.COND_MEMBER_AUTHORIZED)).isTrue();
        assertThat(Conditions.find(active.getStatus().conditions, JoinRequest.COND_ROUTE_SERVERS_CONFIGURED).orElseThrow().reason)
                .isEqualTo("NoRouteServers");
        JsonNode member = controller.member(networkId(), "aabbccdd01").orElseThrow();
        assertThat(member.get("authorized").asBoolean()).isTrue();
        assertThat(member.get("noAutoAssignIps").asBoolean()).isTrue();
        assertThat(texts(member.get("ipAssignments"))).containsExactlyInAnyOrder("2001:db8:ff:0:6:4501:0:1", "203.0.113.1");
        assertThat(member.get("name").asText()).isEqualTo("AS64501 Example Net AS64501");
    }

    @Test
    void networkIsCreatedPrivateWithThePeeringLanRoutesAndNoAutoAssignment() {
        cluster.awaitNetworkReady("ix");
        JsonNode network = controller.network(networkId()).orElseThrow();
        assertThat(network.get("private").asBoolean()).isTrue();
        assertThat(network.get("routes").findValuesAsText("target")).containsExactlyInAnyOrder("2001:db8:ff::/64", "203.0.113.0/24");
        assertThat(network.get("v6AssignMode").get("zt").asBoolean()).isFalse();
        assertThat(network.get("v4AssignMode").get("zt").asBoolean()).isFalse();
        assertThat(network.get("ipAssignmentPools")).isEmpty();
    }

    @Test
    void fiftyRequestsOfOneAsnApprovedAtOnceGetFiftyDistinctAddresses() {
        cluster.awaitNetworkReady("ix");
        List<String> names = IntStream.range(0, 50).mapToObj(i -> String.format("%010x", 0xaa00000000L + i))
                .map(node -> cluster.submit(request(cluster.namespace(), "ix", 64501, node, peeringDbUser(1, true))))
                .map(r -> r.getMetadata().getName()).toList();
        names.parallelStream().forEach(name -> cluster.setApproval(name, approved("alice")));

        names.forEach(name -> cluster.awaitPhase(name, Phase.Active));

        List<JoinRequest> requests = names.stream().map(cluster::request).toList();
        Set<String> ipv6 = requests.stream().map(r -> r.getStatus().assignedIps.ipv6).collect(Collectors.toSet());
        Set<String> ipv4 = requests.stream().map(r -> r.getStatus().assignedIps.ipv4).collect(Collectors.toSet());
        Set<Long> sequences = requests.stream().map(r -> r.getStatus().sequence).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ipv6).hasSize(50);
        assertThat(ipv4).hasSize(50);
        assertThat(sequences).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).mapToObj(Long::valueOf).toList());
        assertThat(cluster.network("ix").getStatus().allocation.lastSequenceByAsn).containsEntry("64501", 50L);
    }

    @Test
    void addressesWrittenToTheNetworkButNotToTheRequestBeforeAStopAreHandedOutToThatRequestAgainAndToNobodyElse() {
        cluster.awaitNetworkReady("ix");
        JoinRequest interrupted = cluster.submit(request(cluster.namespace(), "ix", 64501, "aabbccdd01", peeringDbUser(1, true)));
        String uid = interrupted.getMetadata().getUid();
        String longAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        // the state an operator leaves when it stops between the batch's network write and the request's status
        // write: counters advanced, reservations for this request, for a request deleted long ago, and one just now
        client.resources(ZtNetwork.class).inNamespace(cluster.namespace()).withName("ix").editStatus(n -> {
            n.getStatus().allocation = new AddressAllocation();
            n.getStatus().allocation.lastSequenceByAsn.put("64501", 3L);
            n.getStatus().allocation.lastIpv4Offset = 3L;
            n.getStatus().allocation.reservations.add(new AddressReservation(interrupted.getMetadata().getName(), uid,
                    64501, 2, "203.0.113.2", Instant.now().toString()));
            n.getStatus().allocation.reservations.add(new AddressReservation("deleted-long-ago", "uid-gone", 64501, 1,
                    "203.0.113.1", longAgo));
            n.getStatus().allocation.reservations.add(new AddressReservation("not-in-the-cache-yet", "uid-new", 64501, 3,
                    "203.0.113.3", Instant.now().toString()));
            return n;
        });

        cluster.setApproval(interrupted.getMetadata().getName(), approved("alice"));
        JoinRequest active = cluster.awaitPhase(interrupted.getMetadata().getName(), Phase.Active);
        String other = approve(64501, "aabbccdd02");
        JoinRequest next = cluster.awaitPhase(other, Phase.Active);

        assertThat(active.getStatus().sequence).isEqualTo(2L);
        assertThat(active.getStatus().assignedIps.ipv6).isEqualTo("2001:db8:ff:0:6:4501:0:2");
        assertThat(active.getStatus().assignedIps.ipv4).isEqualTo("203.0.113.2");
        assertThat(next.getStatus().sequence).isEqualTo(4L);
        assertThat(next.getStatus().assignedIps.ipv4).isEqualTo("203.0.113.4");
        // both requests show their addresses, the long-gone one is dropped; the fresh orphan stays visible
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(cluster.network("ix").getStatus().allocation.reservations)
                .extracting(r -> r.request).containsExactly("not-in-the-cache-yet"));
        assertThat(cluster.network("ix").getStatus().allocation.lastSequenceByAsn).containsEntry("64501", 4L);
    }

    @Test
    void deletedRequestLosesItsMemberAndItsSequenceIsNeverReused() {
        cluster.awaitNetworkReady("ix");
        String first = approve(64501, "aabbccdd01");
        cluster.awaitPhase(first, Phase.Active);

        client.resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(first).delete();
        await().atMost(Cluster.WAIT).until(() -> cluster.request(first) == null);
        assertThat(controller.member(networkId(), "aabbccdd01")).isEmpty();

        String second = approve(64501, "aabbccdd02");
        JoinRequest active = cluster.awaitPhase(second, Phase.Active);
        assertThat(active.getStatus().sequence).isEqualTo(2L);
        assertThat(active.getStatus().assignedIps.ipv6).isEqualTo("2001:db8:ff:0:6:4501:0:2");
        assertThat(active.getStatus().assignedIps.ipv4).isEqualTo("203.0.113.2");
    }

    @Test
    void rejectingAnActiveRequestRevokesTheMember() {
        cluster.awaitNetworkReady("ix");
        String name = approve(64501, "aabbccdd01");
        cluster.awaitPhase(name, Phase.Active);

        cluster.setApproval(name, rejected("peering policy violated", "bob"));

        JoinRequest revoked = cluster.awaitPhase(name, Phase.Rejected);
        await().atMost(Cluster.WAIT).untilAsserted(() ->
                assertThat(controller.member(networkId(), "aabbccdd01")).isEmpty());
        await().atMost(Cluster.WAIT).untilAsserted(() -> assertThat(Conditions.find(cluster.request(name).getStatus().conditions,
                JoinRequest.COND_MEMBER_AUTHORIZED).orElseThrow().reason).isEqualTo("Removed"));
        assertThat(revoked.getStatus().sequence).isEqualTo(1L);
    }

    @Test
    void controllerDownKeepsTheRequestWaitingWithTheReasonAndItRecoversWhenUp() {
        cluster.awaitNetworkReady("ix");
        controller.setDown(true);
        String name = approve(64501, "aabbccdd01");

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen.getStatus()).as("status written yet").isNotNull();
            assertThat(seen.getStatus().phase).isIn(Phase.Approved, Phase.Provisioning);
            assertThat(seen.getStatus().lastError).contains("unreachable");
            assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_READY).orElseThrow().reason)
                    .isIn("ControllerUnavailable", "NetworkNotReady");
        });

        controller.setDown(false);
        cluster.awaitPhase(name, Phase.Active);
        assertThat(cluster.request(name).getStatus().lastError).isNull();
    }

    @Test
    void rejectedTokenIsReportedAndARotatedSecretIsPickedUpWithoutRestart() {
        cluster.awaitNetworkReady("ix");
        controller.setToken("rotated-token-2");

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            ZtNetwork seen = cluster.network("ix");
            assertThat(seen.getStatus()).as("status written yet").isNotNull();
            assertThat(Conditions.find(seen.getStatus().conditions, ZtNetwork.COND_CONTROLLER_REACHABLE).orElseThrow().reason)
                    .isEqualTo("TokenRejected");
        });
        client.resource(tokenSecret(cluster.namespace(), "rotated-token-2")).update();

        cluster.awaitNetworkReady("ix");
        String name = approve(64501, "aabbccdd01");
        cluster.awaitPhase(name, Phase.Active);
        String everything = client.resources(ZtNetwork.class).inNamespace(cluster.namespace()).list().toString()
                + client.resources(JoinRequest.class).inNamespace(cluster.namespace()).list()
                + cluster.events().stream().map(e -> e.getMessage()).toList();
        assertThat(everything).doesNotContain(TOKEN).doesNotContain("rotated-token-2");
    }

    @Test
    void wipedControllerGetsTheNetworkAndEveryMemberBack() {
        cluster.awaitNetworkReady("ix");
        String a = approve(64501, "aabbccdd01");
        String b = approve(64502, "aabbccdd02");
        cluster.awaitPhase(a, Phase.Active);
        cluster.awaitPhase(b, Phase.Active);

        controller.wipe();

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(controller.network(networkId())).isPresent();
            assertThat(controller.member(networkId(), "aabbccdd01")).isPresent();
            assertThat(controller.member(networkId(), "aabbccdd02")).isPresent();
        });
        JsonNode member = controller.member(networkId(), "aabbccdd02").orElseThrow();
        assertThat(member.get("authorized").asBoolean()).isTrue();
        assertThat(texts(member.get("ipAssignments"))).contains("2001:db8:ff:0:6:4502:0:1");
    }

    @Test
    void reconcilingAnActiveRequestAgainChangesNothingAtTheController() {
        cluster.awaitNetworkReady("ix");
        String name = approve(64501, "aabbccdd01");
        cluster.awaitPhase(name, Phase.Active);
        // positive signal that the reconciliation which made it Active is over: a later one read the member again
        // (reconciliations of one request never overlap)
        controller.clearRequests();
        awaitMemberReads("aabbccdd01", 1);
        controller.clearRequests();

        // a metadata change and resync intervals, each a reconciliation: wait until two of them read the member
        client.resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(name)
                .edit(r -> {
                    r.getMetadata().getLabels().put("touched", "yes");
                    return r;
                });
        awaitMemberReads("aabbccdd01", 2);

        assertThat(controller.requests()).as("requests after the request was Active").isNotEmpty()
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void controllerIgnoringAWriteFailsTheRequestAndAnAdminRetryRecovers() {
        cluster.awaitNetworkReady("ix");
        controller.ignoreNextWriteOf("ipAssignments");
        String name = approve(64501, "aabbccdd01");

        JoinRequest failed = cluster.awaitPhase(name, Phase.Failed);
        assertThat(failed.getStatus().lastError).contains("ipAssignments");
        assertThat(Conditions.find(failed.getStatus().conditions, JoinRequest.COND_READY).orElseThrow().message)
                .contains(ApiGroup.RETRY_ANNOTATION);

        cluster.annotate(name, ApiGroup.RETRY_ANNOTATION, "now");

        cluster.awaitPhase(name, Phase.Active);
        assertThat(cluster.request(name).getMetadata().getAnnotations()).doesNotContainKey(ApiGroup.RETRY_ANNOTATION);
        assertThat(cluster.events()).as("the retry is announced").anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Retrying");
            assertThat(e.getInvolvedObject().getName()).isEqualTo(name);
            assertThat(e.getType()).isEqualTo("Normal");
        });
    }

    @Test
    void deletionWaitsForAnUnreachableControllerUntilAnAdminForcesIt() {
        cluster.awaitNetworkReady("ix");
        String name = approve(64501, "aabbccdd01");
        cluster.awaitPhase(name, Phase.Active);
        controller.setDown(true);

        client.resources(JoinRequest.class).inNamespace(cluster.namespace()).withName(name).delete();
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            JoinRequest seen = cluster.request(name);
            assertThat(seen).isNotNull();
            assertThat(Conditions.find(seen.getStatus().conditions, JoinRequest.COND_MEMBER_AUTHORIZED).orElseThrow().reason)
                    .isEqualTo("RemovalPending");
        });

        cluster.annotate(name, ApiGroup.FORCE_DELETE_ANNOTATION, "true");
        await().atMost(Cluster.WAIT).until(() -> cluster.request(name) == null);
        assertThat(cluster.events()).anyMatch(e -> "ForceDeleted".equals(e.getReason()));
    }

    /** Waits until the controller was asked for the member at least {@code reads} times since the last clear. */
    private void awaitMemberReads(String nodeId, int reads) {
        await().atMost(Cluster.WAIT).until(() -> controller.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().endsWith("/member/" + nodeId)).count() >= reads);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
