package io.ztix.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class PeeringDbLoginTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Test
    void verifiedUserWithEnoughPermsLandsOnTheRequestsOfTheirNetworks() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginWithPeeringDb("full");
            assertThat(page.getUrl().getPath()).isEqualTo("/requests");
            assertThat(page.asNormalizedText()).contains("Alice Operator");
            assertThat(page.getElementById("unverified")).isNull();
            org.htmlunit.http.Cookie session = browser.client().getCookieManager().getCookies().stream()
                    .filter(c -> c.getName().equals("q_session")).findFirst().orElse(null);
            assertThat(session).as("OIDC session cookie").isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualToIgnoringCase("lax");
        }
        // the login is recorded by an asynchronous observer: wait for it rather than racing it
        org.awaitility.Awaitility.await().until(() -> "Alice Operator".equals(portalUserName(1001)));
        org.awaitility.Awaitility.await().until(() -> audit.find(new AuditFilter("peeringdb:1001", "login.success", null, null, 5))
                .size() > 0);
    }

    @Test
    void readOnlyAffiliationIsNotEnoughWhenUpdateIsRequiredAndThePageSaysWhy() {
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginWithPeeringDb("readonly");
            assertThat(page.getUrl().getPath()).isEqualTo("/not-eligible");
            assertThat(page.getElementById("why-perms").asNormalizedText()).contains("too few permissions");
            assertThat(page.asNormalizedText()).contains("AS64503").contains("Reader Net");
            HtmlPage form = browser.page("/requests/new");
            assertThat(form.getElementById("cannot-submit")).isNotNull();
        }
    }

    @Test
    void userWithoutNetworksIsToldWhereToGetHelp() {
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginWithPeeringDb("nonetworks");
            assertThat(page.getUrl().getPath()).isEqualTo("/not-eligible");
            assertThat(page.getElementById("why").asNormalizedText()).contains("not affiliated with any network");
            assertThat(page.asXml()).contains("https://support.example.net/help");
        }
    }

    @Test
    void unverifiedUserMayLookButNotSubmit() {
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginWithPeeringDb("unverified");
            assertThat(page.getUrl().getPath()).isEqualTo("/requests");
            assertThat(page.getElementById("unverified")).isNotNull();
            HtmlPage form = browser.page("/requests/new");
            assertThat(form.getElementById("cannot-submit").asNormalizedText()).contains("not verified");
        }
    }

    @Test
    void idTokenSignedWithAKeyTheProviderDoesNotPublishIsRejected() {
        try (Browser browser = new Browser(base)) {
            Page page = browser.attemptPeeringDbLogin("forged");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertNotLoggedIn(browser);
        }
        org.awaitility.Awaitility.await().until(() -> audit.find(new AuditFilter("anonymous", "login.failure", "peeringdb",
                null, 20)).stream().anyMatch(e -> e.details() != null && !e.details().isBlank()));
    }

    @Test
    void idTokenCarryingTheNonceOfAnotherLoginIsRejected() {
        try (Browser browser = new Browser(base)) {
            Page page = browser.attemptPeeringDbLogin("wrongnonce");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(401);
            assertNotLoggedIn(browser);
        }
    }

    @Test
    void callbackWithAValidCodeButAStateThatDoesNotMatchTheLoginIsRejected() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage authorize = browser.page("/auth/peeringdb");
            assertThat(authorize.getUrl().getPath()).startsWith("/oauth2/authorize");
            authorize.getForms().get(0).getInputByName("user").setValue("full");
            browser.client().getOptions().setRedirectEnabled(false);
            Page granted = authorize.getHtmlElementById("authorize").click();
            String callback = granted.getWebResponse().getResponseHeaderValue("Location");
            Matcher state = Pattern.compile("([?&]state=)([^&]+)").matcher(callback);
            assertThat(state.find()).as("the provider granted a code: %s", callback).isTrue();
            assertThat(callback).contains("code=");

            Page refused = browser.get(state.replaceFirst("$1not" + state.group(2)));
            browser.client().getOptions().setRedirectEnabled(true);
            assertThat(refused.getWebResponse().getStatusCode()).isIn(302, 401);
            if (refused.getWebResponse().getStatusCode() == 302) {
                assertThat(refused.getWebResponse().getResponseHeaderValue("Location")).doesNotContain("/requests");
            }
            assertNotLoggedIn(browser);
        }
    }

    @Test
    void logoutEndsTheSession() {
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginWithPeeringDb("full");
            HtmlPage after = browser.logout(page);
            assertThat(after.getUrl().getPath()).isEqualTo("/login");
            assertNotLoggedIn(browser);
        }
    }

    private static void assertNotLoggedIn(Browser browser) {
        HtmlPage requests = browser.page("/requests");
        assertThat(requests.getUrl().getPath()).isEqualTo("/login");
    }

    private String portalUserName(long peeringDbId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select name from portal_user where peeringdb_id = ?")) {
            ps.setLong(1, peeringDbId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
