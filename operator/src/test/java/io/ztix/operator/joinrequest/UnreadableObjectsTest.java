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

    @Inject
    RequestsOutOfReach outOfReach;

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
            // the never-readable object (asn "abc") too: validation ratcheting lets the finalizer onto it (the
            // wrong-typed field is left alone) and the CRD's name rule is checked on create only
            assertThat(cluster.events()).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo("Unreadable");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("ix-as64502-aabbccdd02");
                assertThat(e.getMessage()).contains("spec.asn");
            });
            assertThat(unreadable.unreadable("JoinRequest")).isEqualTo(before + 2);
        });
        JoinRequest frozen = cluster.request(member);
        assertThat(TolerantReading.isUnreadable(frozen)).isTrue();
        assertThat(frozen.getStatus().phase).as("status untouched").isEqualTo(Phase.Active);
        assertThat(Membership.onRouteServers(frozen)).as("route servers keep the admitted member")
                .hasValueSatisfying(r -> assertThat(r.asn).isEqualTo(64501));
        assertThat(controller.member(cluster.network("ix").getStatus().networkId, "aabbccdd01"))
                .as("a Maybe is not a withdrawal: the node stays").isPresent();
        // the raw replace writes the object, then its status (two resourceVersions); the informer may see both
        assertThat(cluster.events().stream()
                .filter(e -> "Unreadable".equals(e.getReason()) && member.equals(e.getInvolvedObject().getName()))
                .collect(java.util.stream.Collectors.groupingBy(e -> e.getInvolvedObject().getResourceVersion(),
                        java.util.stream.Collectors.counting())))
                .as("reported once per resourceVersion").isNotEmpty().allSatisfy((version, count) -> assertThat(count).isEqualTo(1L));

        // fixed by hand: served again
        RawObjects.replace(api, cluster.namespace(), "joinrequests", member, maybe.replaceFirst("\"Maybe\"", "\"Approved\""));
        await().atMost(Cluster.WAIT).untilAsserted(() -> {
            assertThat(TolerantReading.isUnreadable(cluster.request(member))).isFalse();
            assertThat(unreadable.unreadable("JoinRequest")).isEqualTo(before + 1);
        });
        cluster.awaitPhase(member, Phase.Active);
    }

    /**
     * On a cluster without validation ratcheting, an object etcd holds breaking the schema or a field rule refuses
     * every write, the operator's finalizer included, so the reconciler never runs for it: the admin still sees what
     * is wrong, as Warning Events on the objects and in {@code ztix_out_of_reach_resources}, from the informer's side.
     */
    @Test
    void withoutValidationRatchetingRequestsTheApiRefusesTheFinalizerOnAreStillReported() {
        api.validationRatcheting(false);
        try {
            int before = outOfReach.count();
            RawObjects.create(api, cluster.namespace(), "joinrequests", "{\"apiVersion\":\"ztix.io/v1alpha1\","
                    + "\"kind\":\"JoinRequest\",\"metadata\":{\"name\":\"ix-as64504-aabbccdd04\",\"namespace\":\""
                    + cluster.namespace() + "\"},\"spec\":{\"asn\":\"abc\",\"networkRef\":\"ix\",\"nodeId\":\"aabbccdd04\"}}");
            JoinRequest reserved = request(cluster.namespace(), "ix", 23456, "aabbccdd05", peeringDbUser(5, false));
            RawObjects.create(api, cluster.namespace(), "joinrequests", Serialization.asJson(reserved));
            String later = approve(64506, "aabbccdd06");

            await().atMost(Cluster.WAIT).untilAsserted(() -> {
                assertThat(cluster.events()).anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("Unreadable");
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("ix-as64504-aabbccdd04");
                });
                assertThat(cluster.events()).anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("InvalidSpec");
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("ix-as23456-aabbccdd05");
                    assertThat(e.getMessage()).contains("AS23456 is reserved").contains("has not been able to take");
                });
                assertThat(outOfReach.count()).isEqualTo(before + 2);
            });
            assertThat(cluster.request("ix-as64504-aabbccdd04").getMetadata().getFinalizers())
                    .as("the API refused the finalizer").doesNotContain(JoinRequestReconciler.FINALIZER);
            assertThat(cluster.request("ix-as23456-aabbccdd05").getStatus()).as("nor could a status be written").isNull();
            cluster.awaitPhase(later, Phase.Active);
            assertThat(cluster.events()).filteredOn(e -> "InvalidSpec".equals(e.getReason())
                    && "ix-as23456-aabbccdd05".equals(e.getInvolvedObject().getName()))
                    .as("reported once per resourceVersion").hasSize(1);
        } finally {
            api.validationRatcheting(true);
        }
    }

    private String approve(long asn, String nodeId) {
        return cluster.submitApproved("ix", asn, nodeId, 1);
    }
}
