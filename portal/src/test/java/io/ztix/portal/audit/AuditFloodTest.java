package io.ztix.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.auth.LocalAccounts;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The audit log cannot be cleaned (it is append-only), so nothing an anonymous visitor sends may write one row
 * per request, and a normal login writes no failure at all. Counted in the real PostgreSQL.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class AuditFloodTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    FailureAggregator failures;

    @Test
    void failuresCountedByAPortalThatIsKilledReachTheLogThroughTheNextPortal() throws Exception {
        FailureAggregator killed = new FailureAggregator(dataSource, Duration.ofHours(1));
        for (int i = 1; i <= 4; i++) {
            killed.failure("local:killed", "login.failure", "killed", "wrong password", "203.0.113." + i);
        }
        // that portal is killed now: no shutdown, no flush. A failure window later (here: its rows are made an hour
        // old) the next flush of another portal finds what it had counted.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update pending_login_failure set updated = updated - interval '1 hour' "
                    + "where actor = 'local:killed'")).as("counted in the database, not in memory").isEqualTo(1);
        }
        failures.flush();
        List<AuditEntry> rows = audit.find(new AuditFilter("local:killed", "login.failure", null, null, 5));
        assertThat(rows).as("the first failure at once, and the summary of the other three").hasSize(2);
        assertThat(rows.get(0).details()).startsWith("3 more since").contains("wrong password")
                .contains("from 203.0.113.2, 203.0.113.3, 203.0.113.4");
        failures.flush();
        assertThat(audit.find(new AuditFilter("local:killed", "login.failure", null, null, 5))).as("written once")
                .hasSize(2);
    }

    @Test
    void aLivePortalsCountsAreLeftToItsOwnWindow() throws Exception {
        FailureAggregator other = new FailureAggregator(dataSource, Duration.ofHours(1));
        for (int i = 1; i <= 3; i++) {
            other.failure("local:other-replica", "login.failure", "other-replica", "wrong password", "203.0.113.9");
        }
        failures.flush();
        assertThat(audit.find(new AuditFilter("local:other-replica", "login.failure", null, null, 5)))
                .as("only the first failure so far").hasSize(1);
        other.flush();
        assertThat(audit.find(new AuditFilter("local:other-replica", "login.failure", null, null, 5)).get(0).details())
                .startsWith("2 more since").endsWith("wrong password, from 203.0.113.9");
    }

    @Test
    void fiftyRequestsWithAGarbageSessionCookieDoNotWriteFiftyRows() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String cookie : new String[] {"q_session", "quarkus-credential"}) {
            long before = rows();
            for (int i = 0; i < 50; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "requests"))
                        .header("Cookie", cookie + "=garbage-" + i + "-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(cookie).isIn(302, 303, 401);
            }
            Thread.sleep(500); // failure events are observed asynchronously
            assertThat(rows() - before).as("rows written for 50 requests with a garbage %s cookie", cookie)
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void callbacksThatAreNoLoginOfThisBrowserWriteAtMostOneRowAndOneSummary() throws Exception {
        failures.flush();
        HttpClient http = HttpClient.newHttpClient();
        long before = rows("login.failure");
        for (int i = 0; i < 50; i++) {
            http.send(HttpRequest.newBuilder(URI.create(base + "auth/peeringdb?code=made-up-" + i + "&state=forged-" + i))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        Thread.sleep(1000); // failure events are observed asynchronously
        failures.flush();
        assertThat(rows("login.failure") - before).isLessThanOrEqualTo(2);
    }

    @Test
    void tenRealFailedPeeringDbLoginsWriteOneRowAndOneSummary() throws Exception {
        failures.flush();
        long before = rows("login.failure");
        for (int i = 0; i < 10; i++) {
            try (Browser browser = new Browser(base)) {
                assertThat(browser.attemptPeeringDbLogin("forged").getWebResponse().getStatusCode()).isEqualTo(401);
            }
        }
        Thread.sleep(3000); // failure events are observed asynchronously
        failures.flush();
        assertThat(rows("login.failure") - before).isEqualTo(2);
        assertThat(audit.find(new AuditFilter("anonymous", "login.failure", "peeringdb", null, 1)).get(0).details())
                .startsWith("9 more since");
    }

    @Test
    void fiftyWrongPasswordsFromFiftyAddressesWriteOneRowAndOneSummaryWithSomeAddresses() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            LocalAccounts.create(c, "flooded", "Flooded", null, "the right long password", false);
        }
        failures.flush();
        long before = rows("login.failure");
        for (int i = 0; i < 50; i++) {
            try (Browser browser = new Browser(base).fromAddress("198.51.100." + (i + 1))) {
                browser.loginLocal("flooded", "wrong password " + i);
            }
        }
        failures.flush();
        assertThat(rows("login.failure") - before).isEqualTo(2);
        List<AuditEntry> rows = audit.find(new AuditFilter("local:flooded", "login.failure", null, null, 2));
        assertThat(rows.get(1).details()).isEqualTo("wrong password, from 198.51.100.1");
        assertThat(rows.get(0).details()).startsWith("49 more since").contains("wrong password")
                .contains("198.51.100.2").contains("and 44 other addresses");
    }

    @Test
    void garbageUserNamesDoNotReachTheAuditLogAsTheyWereTyped() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.loginLocal("<script>" + "x".repeat(5000), "some password");
        }
        failures.flush();
        assertThat(audit.find(new AuditFilter(null, "login.failure", null, null, 20)))
                .noneMatch(e -> e.actor().contains("<script>") || e.target() != null && e.target().length() > 100);
    }

    @Test
    void aPeeringDbLoginWritesNoFailure() throws Exception {
        long failuresBefore = rows("login.failure");
        try (Browser browser = new Browser(base)) {
            assertThat(browser.loginWithPeeringDb("full").getUrl().getPath()).isEqualTo("/requests");
        }
        Thread.sleep(500);
        assertThat(rows("login.failure") - failuresBefore).isZero();
    }

    private long rows() throws Exception {
        return rows(null);
    }

    private long rows(String action) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from audit_log" + (action == null ? "" : " where action = ?"))) {
            if (action != null) {
                ps.setString(1, action);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
