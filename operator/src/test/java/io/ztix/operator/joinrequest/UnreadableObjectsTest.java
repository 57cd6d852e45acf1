package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.reading.UnreadableObjects;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.testsupport.RawObjects;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Objects the model cannot read ({@code decision: Maybe}, {@code asn: "abc"}, written with raw HTTP as an older
 * CRD or a hand edit could) never stop the watch: every other request keeps being served, also ones created
 * afterwards, and the bad ones are frozen and reported.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class UnreadableObjectsTest {

    private static final String TOKEN = "unreadable-token";

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    UnreadableObjects unreadable;

    private SelfHostedFake controller;
    private Cluster cluster;

    @BeforeEach
    void network() {
        controller = SelfHostedFake.started("0bad0bad01", TOKEN);
        cluster = new Cluster(client, api, "bad-" + java.util.UUID.randomUUID().toString().substring(0, 6));
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), "0bad01")).create();
        cluster.awaitNetworkReady("ix");
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void unreadableRequestsAreFrozenAndReportedWhileEveryOtherRequestKeepsBeingServed() {
        String member = approve(64501, "aabbccdd01");
        JoinRequest active = cluster.awaitPhase(member, Phase.Active);
        double before = unreadable.unreadable("JoinRequest");

        // an admitted member modified into badness, and a new object that was never readable
        // only the spec's decision: the status (with its admitted record) stays readable
        String maybe = Serialization.asJson(active).replaceFirst("\"decision\":\"Approved\"", "\"decision\":\"Maybe\"");
        RawObjects.replace(api, cluster.namespace(), "joinrequests", member, maybe);
        RawObjects.create(api, cluster.namespace(), "joinrequests", "{\"apiVersion\":\"ztix.io/v1alpha1\","
                + "\"kind\":\"JoinRequest\",\"metadata\":{\"name\":\"ix-as64502-aabbccdd02\",\"namespace\":\""
                + cluster.namespace() + "\"},\"spec\":{\"asn\":\"abc\",\"networkRef\":\"ix\",\"nodeId\":\"aabbccdd02\"}}");

        // created afterwards: the watch still runs
        String later = approve(64503, "aabbccdd03");
        cluster.awaitPhase(later, Phase.Active);

        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(cluster.events()).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("Unreadable");
                assertThat(e.getInvolvedObject().getName()).isEqualTo(member);
                assertThat(e.getMessage()).contains("spec.approval.decision").contains("Maybe").contains("frozen");
            });
            // The never-readable object (asn "abc") is not reported: the API refuses the operator's finalizer on it
            // (it fails the CRD's schema and root rule), so it is never reconciled, as on a real API server; the gauge counts it (it reads the caches).
            assertThat(unreadable.unreadable("JoinRequest")).isEqualTo(before + 2);
        });
        JoinRequest frozen = cluster.request(member);
        assertThat(TolerantReading.isUnreadable(frozen)).isTrue();
        assertThat(frozen.getStatus().phase).as("status untouched").isEqualTo(Phase.Active);
        assertThat(Membership.onRouteServers(frozen)).as("route servers keep the admitted member")
                .hasValueSatisfying(r -> assertThat(r.asn).isEqualTo(64501));
        assertThat(controller.member(cluster.network("ix").getStatus().networkId, "aabbccdd01"))
                .as("a Maybe is not a withdrawal: the node stays").isPresent();
        assertThat(cluster.events()).filteredOn(e -> "Unreadable".equals(e.getReason()) && member.equals(e.getInvolvedObject().getName()))
                .as("reported once per resourceVersion").hasSize(1);

        // fixed by hand: served again
        RawObjects.replace(api, cluster.namespace(), "joinrequests", member, maybe.replaceFirst("\"Maybe\"", "\"Approved\""));
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(TolerantReading.isUnreadable(cluster.request(member))).isFalse();
            assertThat(unreadable.unreadable("JoinRequest")).isEqualTo(before + 1);
        });
        cluster.awaitPhase(member, Phase.Active);
    }

    private String approve(long asn, String nodeId) {
        return cluster.submitApproved("ix", asn, nodeId, 1);
    }
}
