package io.ztix.portal.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * JoinRequests the model cannot read ({@code decision: Maybe}, {@code asn: "abc"}, written with raw HTTP) never
 * stop the portal's watch: every other request keeps being served, also one created afterwards; the bad ones are
 * left out of every page and named in the readiness check, which stays UP.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class UnreadableRequestsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Test
    void unreadableRequestsAreLeftOutAndEveryOtherRequestIsStillServed() throws Exception {
        Cluster cluster = new Cluster(client, api, cache);
        cluster.network("lan1", "LAN one", true);
        rawCreate(joinRequest("lan1-as64501-00000000e1", "64501", "00000000e1", "\"approval\":{\"decision\":\"Maybe\"}"));
        rawCreate(joinRequest("lan1-as64501-00000000e2", "\"abc\"", "00000000e2", "\"approval\":{\"decision\":\"Approved\"}"));

        // created afterwards: the informer still watches
        JoinRequest later = new JoinRequest();
        later.setMetadata(new ObjectMetaBuilder().withName("lan1-as64501-00000000e3").withNamespace(Cluster.NAMESPACE).build());
        later.setSpec(new JoinRequestSpec());
        later.getSpec().asn = 64501L;
        later.getSpec().networkRef = "lan1";
        later.getSpec().nodeId = "00000000e3";
        cluster.create(later);

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.unreadableJoinRequests().size() == 2);
        assertThat(cache.unreadableJoinRequests()).containsExactly("lan1-as64501-00000000e1", "lan1-as64501-00000000e2");
        assertThat(cache.joinRequests()).extracting(r -> r.getMetadata().getName())
                .contains("lan1-as64501-00000000e3").doesNotContain("lan1-as64501-00000000e1", "lan1-as64501-00000000e2");
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            String list = browser.page("/requests").asNormalizedText();
            assertThat(list).contains("00000000e3").doesNotContain("00000000e1").doesNotContain("00000000e2");
        }
        var ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "q/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("lan1-as64501-00000000e1,lan1-as64501-00000000e2");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "q/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("ztix_portal_unreadable_resources\\{kind=\"JoinRequest\"[^}]*} 2\\.0");
    }

    /** Straight into the store: the API refuses these objects today, an older CRD let them in. */
    private void rawCreate(String json) {
        api.raw().create("/apis/ztix.io/v1alpha1/namespaces/" + Cluster.NAMESPACE + "/joinrequests", json);
    }

    private static String joinRequest(String name, String asn, String node, String approval) {
        return "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequest\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"" + Cluster.NAMESPACE + "\"},\"spec\":{\"asn\":" + asn + ",\"networkRef\":\"lan1\","
                + "\"nodeId\":\"" + node + "\"," + approval + "}}";
    }
}
