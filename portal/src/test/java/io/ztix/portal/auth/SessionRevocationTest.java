package io.ztix.portal.auth;

import static io.ztix.portal.testsupport.LocalAccountFixture.PASSWORD;
import static io.ztix.portal.testsupport.LocalAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import javax.sql.DataSource;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Sessions live on the server: a copy of a session cookie is worth nothing once the session ends by logout,
 * a password reset or disabling the account.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class SessionRevocationTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Test
    void aCopiedLocalSessionCookieStopsWorkingWhenItsOwnerLogsOut() throws Exception {
        account(dataSource, "copied", 64540, false);
        try (Browser owner = new Browser(base); Browser thief = new Browser(base)) {
            HtmlPage page = owner.loginLocal("copied", PASSWORD);
            thief.withCookie("quarkus-credential", owner.cookie("quarkus-credential"));
            assertThat(thief.page("/requests").getUrl().getPath()).as("the copy works while the session lives")
                    .isEqualTo("/requests");
            owner.logout(page);
            assertThat(thief.page("/requests").getUrl().getPath()).isEqualTo("/login");
        }
    }

    @Test
    void aPasswordResetEndsEveryLiveSessionOfTheAccount() throws Exception {
        account(dataSource, "resetme", 64540, false);
        try (Browser first = new Browser(base); Browser second = new Browser(base)) {
            first.loginLocal("resetme", PASSWORD);
            second.loginLocal("resetme", PASSWORD);
            try (Connection c = dataSource.getConnection()) {
                LocalAccounts.resetPassword(c, "resetme", "a brand new long password");
            }
            assertThat(first.page("/requests").getUrl().getPath()).isEqualTo("/login");
            assertThat(second.page("/requests").getUrl().getPath()).isEqualTo("/login");
            assertThat(first.loginLocal("resetme", "a brand new long password").getUrl().getPath()).isEqualTo("/requests");
        }
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndEnablingItDoesNotBringThemBack() throws Exception {
        account(dataSource, "disableme", 64540, false);
        try (Browser browser = new Browser(base)) {
            browser.loginLocal("disableme", PASSWORD);
            String cookie = browser.cookie("quarkus-credential");
            try (Connection c = dataSource.getConnection()) {
                LocalAccounts.setDisabled(c, "disableme", true);
                LocalAccounts.setDisabled(c, "disableme", false);
            }
            try (Browser copy = new Browser(base)) {
                copy.withCookie("quarkus-credential", cookie);
                assertThat(copy.page("/requests").getUrl().getPath()).isEqualTo("/login");
            }
        }
    }

    @Test
    void aCopiedPeeringDbSessionCookieStopsWorkingWhenItsOwnerLogsOut() {
        try (Browser owner = new Browser(base); Browser thief = new Browser(base)) {
            HtmlPage page = owner.loginWithPeeringDb("full");
            String session = owner.cookie("q_session");
            assertThat(session).isNotNull();
            assertThat(session).as("the cookie holds a session id, not the tokens").hasSizeLessThan(100)
                    .doesNotContain("eyJ");
            thief.withCookie("q_session", session);
            assertThat(thief.page("/requests").getUrl().getPath()).as("the copy works while the session lives")
                    .isEqualTo("/requests");
            owner.logout(page);
            assertThat(thief.page("/requests").getUrl().getPath()).as("sent to log in again")
                    .isIn("/login", "/oauth2/authorize/");
        }
    }
}
