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
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing form of a logged-in member (create, review, withdraw, logout) is refused without the
 * CSRF token or with another token than the cookie's, and refusing changes nothing; the same post with the page's
 * token goes through (so the refusal is the token's doing).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class CsrfTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @Inject
    ResourceCache cache;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    Cluster cluster;

    @BeforeEach
    void network() {
        cluster = new Cluster(client, api, cache);
        cluster.network("csrf-lan", "CSRF LAN", true);
    }

    @Test
    void aCreateWithAnotherTokenThanTheCookiesIsRefusedAndCreatesNothing() {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            String token = token(list);
            String other = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            Page refused = post(browser, "/requests", fields("csrf-lan", "00000008a1"), other);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(cluster.get("csrf-lan-as64501-00000008a1")).isNull();

            Page accepted = post(browser, "/requests", fields("csrf-lan", "00000008a1"), token);
            assertThat(accepted.getUrl().getPath()).isEqualTo("/requests/csrf-lan-as64501-00000008a1");
        }
    }

    @Test
    void aReviewWithoutTheTokenIsRefused() {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            Page refused = post(browser, "/requests/review", fields("csrf-lan", "00000008b2"), null);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            Page accepted = post(browser, "/requests/review", fields("csrf-lan", "00000008b2"), token(list));
            assertThat(accepted.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(((HtmlPage) accepted).getElementById("facts")).isNotNull();
        }
    }

    @Test
    void aWithdrawWithoutTheTokenIsRefusedAndTheRequestStays() {
        String name = "csrf-lan-as64501-00000008c3";
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage form = browser.page("/requests/new");
            HtmlForm f = form.getHtmlElementById("new-request");
            ((HtmlSelect) form.getElementById("asn")).setSelectedAttribute("64501", true);
            ((HtmlSelect) form.getElementById("networkRef")).setSelectedAttribute("csrf-lan", true);
            f.getInputByName("nodeId").setValue("00000008c3");
            HtmlPage detail = Browser.click(Browser.click(form, "review"), "submit");
            cluster.awaitCached(name);

            Page refused = post(browser, "/requests/" + name + "/withdraw", List.of(), null);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(cluster.get(name)).as("still there").isNotNull();

            Page withdrawn = post(browser, "/requests/" + name + "/withdraw", List.of(), token(detail));
            assertThat(withdrawn.getUrl().toString()).endsWith("/requests?withdrawn=true");
            assertThat(cluster.get(name)).isNull();
        }
    }

    @Test
    void aLogoutWithoutTheTokenIsRefusedAndTheSessionLives() {
        try (Browser browser = new Browser(base)) {
            HtmlPage list = browser.loginWithPeeringDb("full");
            Page refused = post(browser, "/logout", List.of(), null);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(browser.page("/requests").getUrl().getPath()).as("still logged in").isEqualTo("/requests");

            Page loggedOut = post(browser, "/logout", List.of(), token(list));
            assertThat(loggedOut.getUrl().getPath()).isEqualTo("/login");
            assertThat(browser.page("/requests").getUrl().getPath()).isEqualTo("/login");
        }
    }

    private static List<NameValuePair> fields(String network, String nodeId) {
        return List.of(new NameValuePair("asn", "64501"), new NameValuePair("networkRef", network),
                new NameValuePair("nodeId", nodeId));
    }

    private static String token(HtmlPage page) {
        return Browser.csrfToken(page);
    }

    /** Posts the fields, with {@code csrf-token} set to {@code token} (left out when null). */
    private static Page post(Browser browser, String path, List<NameValuePair> fields, String token) {
        List<NameValuePair> all = new ArrayList<>(fields);
        if (token != null) {
            all.add(new NameValuePair("csrf-token", token));
        }
        return browser.post(path, all);
    }
}
