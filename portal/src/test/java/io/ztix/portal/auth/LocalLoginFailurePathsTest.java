package io.ztix.portal.auth;

import static io.ztix.portal.testsupport.LocalAccountFixture.PASSWORD;
import static io.ztix.portal.testsupport.LocalAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.DatabaseRoles;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Local login when the lockout runs out and when the account store cannot be read (test profile: 3 failures lock). */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class LocalLoginFailurePathsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    AuditLog audit;

    /** Moves the end of the account's lockout (for every address) into the past, as if the lockout time had gone by. */
    private void lockoutRunsOut(String username) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update login_failure set locked_until = ? where account_id = (select id from local_account "
                        + "where username = ?) and locked_until is not null")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            ps.setString(2, username);
            assertThat(ps.executeUpdate()).as("%s was locked", username).isEqualTo(1);
        }
    }

    private String lockedUntil(String username) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select max(f.locked_until), coalesce(sum(f.failures), 0) from local_account a "
                        + "left join login_failure f on f.account_id = a.id where a.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1) + " after " + rs.getInt(2) + " failures";
            }
        }
    }

    /** Runs {@code sql} as the owner of the database (the portal's own role may not change grants). */
    private void asOwner(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, DatabaseRoles.OWNER, DatabaseRoles.OWNER_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void lock(Browser browser, String username) throws Exception {
        for (int i = 0; i < 3; i++) {
            browser.loginLocal(username, "wrong password " + i);
        }
        assertThat(browser.loginLocal(username, PASSWORD).getUrl().toString()).as("locked").endsWith("/login?error=true");
    }

    @Test
    void whenTheLockoutHasRunOutTheRightPasswordLogsIn() throws Exception {
        account(dataSource, "expiry", 64533, false);
        try (Browser browser = new Browser(base)) {
            lock(browser, "expiry");
            lockoutRunsOut("expiry");
            assertThat(browser.loginLocal("expiry", PASSWORD).getUrl().getPath()).isEqualTo("/requests");
        }
        assertThat(audit.find(new AuditFilter("local:expiry", "login.success", null, null, 5))).hasSize(1);
    }

    @Test
    void whenTheLockoutHasRunOutOneWrongPasswordDoesNotLockTheAccountAgain() throws Exception {
        account(dataSource, "second-chance", 64534, false);
        try (Browser browser = new Browser(base)) {
            lock(browser, "second-chance");
            lockoutRunsOut("second-chance");
            browser.loginLocal("second-chance", "one more typo");
            assertThat(browser.loginLocal("second-chance", PASSWORD).getUrl().getPath())
                    .as("a fresh set of attempts after the lockout: %s", lockedUntil("second-chance"))
                    .isEqualTo("/requests");
        }
    }

    @Test
    void whenTheAccountStoreCannotBeReadLoginFailsCleanlyAndCountsNothing() throws Exception {
        account(dataSource, "no-store", 64535, false);
        try (Browser browser = new Browser(base)) {
            asOwner("revoke select on local_account from " + DatabaseRoles.RUNTIME);
            HtmlPage page;
            try {
                page = browser.loginLocal("no-store", PASSWORD);
            } finally {
                asOwner("grant select on local_account to " + DatabaseRoles.RUNTIME);
            }
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getUrl().toString()).endsWith("/login?error=true");
            assertThat(page.asNormalizedText()).contains("Login failed").doesNotContain("SQL").doesNotContain("Exception");
            assertThat(browser.page("/requests").getUrl().getPath()).as("not logged in").isEqualTo("/login");
            assertThat(lockedUntil("no-store")).as("nothing counted").isEqualTo("null after 0 failures");
            assertThat(audit.find(new AuditFilter("local:no-store", "login.failure", null, null, 5)))
                    .anyMatch(e -> e.details().contains("account store unavailable"));

            assertThat(browser.loginLocal("no-store", PASSWORD).getUrl().getPath()).as("the store is back")
                    .isEqualTo("/requests");
        }
    }
}
