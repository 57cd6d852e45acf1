package io.ztix.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a member sees when a form goes wrong: an expired CSRF cookie, an oversized form and an ASN typed as text
 * each get their own message and change nothing; a read-only PeeringDB user is told why she may not ask; error
 * pages keep the portal's header.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class MemberMistakesTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("mistakes-lan", "Mistakes LAN", true);
    }

    private static List<NameValuePair> fields(String asn, String nodeId, String token) {
        return List.of(new NameValuePair("asn", asn), new NameValuePair("networkRef", "mistakes-lan"),
                new NameValuePair("nodeId", nodeId), new NameValuePair("csrf-token", token));
    }

    private static void assertHeaderOf(HtmlPage page, String user) {
        assertThat(page.<DomNode>querySelector("header .who").asNormalizedText()).isEqualTo(user);
        assertThat((Object) page.querySelector("header a[href='/requests/new']")).as("navigation").isNotNull();
    }

    @Test
    void aFormSentAfterItsCsrfCookieExpiredGetsTheFormExpiredPageAndCreatesNothing() {
        try (Browser browser = new Browser(base)) {
            HtmlPage form = browser.loginWithPeeringDb("full");
            String token = Browser.csrfToken(form);
            browser.client().getCookieManager().removeCookie(browser.client().getCookieManager().getCookie("csrf-token"));

            Page refused = browser.post("/requests", fields("64501", "00000009a1", token));
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            HtmlPage page = (HtmlPage) refused;
            assertThat(page.getElementById("error-message").asNormalizedText())
                    .contains("This form has expired").contains("reload the page");
            assertHeaderOf(page, "Alice Operator");
            assertThat(cluster.get("mistakes-lan-as64501-00000009a1")).isNull();
        }
    }

    @Test
    void anOversizedFormGetsItsOwnMessageAndCreatesNothing() {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            Page refused = browser.post("/requests", fields("64501", "0".repeat(200_000), Browser.csrfToken(list)));
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
            assertThat(refused.getWebResponse().getContentAsString()).contains("The form was too large to accept");
        }
        assertThat(cache.joinRequests()).noneMatch(r -> r.getMetadata().getName().startsWith("mistakes-lan-as64501-000"));
    }

    @Test
    void anAsnTypedAsTextIsExplainedOnTheFormAndAnAsPrefixIsUnderstood() {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            HtmlPage refused = (HtmlPage) browser.post("/requests/review", fields("sixty-four", "00000009c1",
                    Browser.csrfToken(list)));
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(refused.getElementById("form-error").asNormalizedText()).contains("An ASN is a number such as 64500");
            assertThat(refused.getElementById("new-request")).as("the form, to correct it").isNotNull();

            HtmlPage review = (HtmlPage) browser.post("/requests/review", fields("AS64501", "00000009c1",
                    Browser.csrfToken(list)));
            assertThat(review.getElementById("facts")).isNotNull();
        }
        assertThat(cluster.get("mistakes-lan-as64501-00000009c1")).isNull();
    }

    @Test
    void aReadOnlyPeeringDbUserIsToldWhichPermissionSheLacksNotThatNoLanIsOpen() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("readonly");
            HtmlPage form = browser.page("/requests/new");
            String why = form.getElementById("cannot-submit").asNormalizedText();
            assertThat(why).contains("too few permissions").contains("AS64503").contains("Reader Net");
            assertThat(form.getElementById("no-networks")).isNull();
            assertThat(form.getElementById("new-request")).isNull();
        }
    }

    @Test
    void anErrorPageKeepsTheHeaderWithUserNavigationAndLogOut() {
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage missing = browser.page("/requests/mistakes-lan-as64501-00000009ff");
            assertThat(missing.getWebResponse().getStatusCode()).isEqualTo(404);
            assertHeaderOf(missing, "Alice Operator");
            HtmlPage loggedOut = Browser.click(missing, "logout");
            assertThat(loggedOut.getUrl().getPath()).isEqualTo("/login");
        }
    }
}
