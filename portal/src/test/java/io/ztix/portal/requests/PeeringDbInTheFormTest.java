package io.ztix.portal.requests;

import static io.ztix.portal.requests.JoinRequestPagesTest.postWithCsrf;
import static io.ztix.portal.requests.JoinRequestPagesTest.review;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.ApiGroup;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.FakePeeringDb;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a member sees on the request form when PeeringDB cannot vouch for the request, and when the API server
 * refuses the create because the same request was created a moment ago: a clear message, nothing created.
 * The fixture user {@code newcomer} (FakePeeringDb) holds AS64530 (PeeringDB knows it), AS64531 (PeeringDB has
 * no such network) and AS64532 (PeeringDB answers 503).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class PeeringDbInTheFormTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @Inject
    ResourceCache cache;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @ConfigProperty(name = "ztix.test.fake-peeringdb-url")
    String fakePeeringDb;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("pdb-lan", "PeeringDB LAN", true);
    }

    @Test
    void whenPeeringDbIsDownTheFormSaysSoAndNothingIsCreated() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("newcomer");
            HtmlPage again = review(browser, String.valueOf(FakePeeringDb.UNAVAILABLE_ASN), "pdb-lan", "00000007a1");
            assertThat(again.getElementById("form-error").asNormalizedText()).contains("PeeringDB cannot be reached");
            assertThat(again.getElementById("facts")).as("no review of facts nobody could check").isNull();
            Page create = postWithCsrf(browser, again, "/requests", List.of(
                    new NameValuePair("asn", String.valueOf(FakePeeringDb.UNAVAILABLE_ASN)),
                    new NameValuePair("networkRef", "pdb-lan"), new NameValuePair("nodeId", "00000007a1")));
            assertThat(create.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(create.getWebResponse().getContentAsString()).contains("PeeringDB cannot be reached");
        }
        assertThat(hits(FakePeeringDb.UNAVAILABLE_ASN)).as("PeeringDB was really asked").isPositive();
        assertThat(cluster.get(name(FakePeeringDb.UNAVAILABLE_ASN, "00000007a1"))).isNull();
    }

    @Test
    void anAsnPeeringDbDoesNotKnowIsRefusedWithWhatToFix() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("newcomer");
            HtmlPage again = review(browser, "64531", "pdb-lan", "00000007b2");
            assertThat(again.getElementById("form-error").asNormalizedText())
                    .contains("PeeringDB has no network with this ASN");
            Page create = postWithCsrf(browser, again, "/requests", List.of(new NameValuePair("asn", "64531"),
                    new NameValuePair("networkRef", "pdb-lan"), new NameValuePair("nodeId", "00000007b2")));
            assertThat(create.getWebResponse().getContentAsString()).contains("PeeringDB has no network with this ASN");
        }
        assertThat(hits(64531)).isPositive();
        assertThat(cluster.get(name(64531, "00000007b2"))).isNull();
    }

    @Test
    void aPeeringLanThatDoesNotExistIsRefusedEvenByCraftingTheForm() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("newcomer");
            Page answer = postWithCsrf(browser, list, "/requests", List.of(new NameValuePair("asn", "64530"),
                    new NameValuePair("networkRef", "no-such-lan"), new NameValuePair("nodeId", "00000007c3")));
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(answer.getWebResponse().getContentAsString()).contains("This peering LAN does not exist.");
        }
        assertThat(client.resources(io.ztix.api.joinrequest.JoinRequest.class).inNamespace(Cluster.NAMESPACE)
                .withName("no-such-lan-as64530-00000007c3").get()).isNull();
    }

    /**
     * Two submits (or two portal replicas) race: the informer has not seen the other one's request yet, so the
     * cache check passes and the API server answers 409 AlreadyExists. The member gets the duplicate message.
     * The window between the cache check and the create cannot be hit on purpose, so the stand-in answers this one
     * create with the Status it (and kube-apiserver) gives a second create of a name (KubeApiStandInTest
     * aSecondCreateOfTheSameNameIsAlreadyExists).
     */
    @Test
    void aCreateTheApiServerRefusesAsAlreadyExistingIsShownAsTheDuplicateItIs() throws Exception {
        String name = name(64530, "00000007d4");
        api.expect().post().withPath("/apis/" + ApiGroup.GROUP + "/" + ApiGroup.VERSION + "/namespaces/"
                + Cluster.NAMESPACE + "/joinrequests")
                .andReturn(409, new StatusBuilder().withStatus("Failure").withReason("AlreadyExists").withCode(409)
                        .withMessage("joinrequests.ztix.io \"" + name + "\" already exists").build())
                .once();
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("newcomer");
            HtmlPage review = review(browser, "64530", "pdb-lan", "00000007d4");
            assertThat(review.getElementById("facts").asNormalizedText()).contains("Newcomer Net");
            HtmlPage answer = Browser.click(review, "submit");
            assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(answer.getElementById("form-error").asNormalizedText()).contains("exists already");
            assertThat(answer.getElementById("existing-request").getAttribute("href")).isEqualTo("/requests/" + name);
        }
    }

    private static String name(long asn, String nodeId) {
        return io.ztix.api.joinrequest.JoinRequest.nameFor("pdb-lan", asn, nodeId);
    }

    private int hits(long asn) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(FakePeeringDb.hitsUri(fakePeeringDb, asn)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(answer.body().trim());
    }
}
