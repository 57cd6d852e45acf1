package io.ztix.portal.auth;

import static io.ztix.portal.testsupport.LocalAccountFixture.PASSWORD;
import static io.ztix.portal.testsupport.LocalAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class LocalLoginTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    @Test
    void localAccountLogsInWithTheRightPasswordAndActsForItsGrantedAsn() throws Exception {
        account(dataSource, "lena", 64520, false);
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginLocal("lena", PASSWORD);
            assertThat(page.getUrl().getPath()).isEqualTo("/requests");
            assertThat(page.asNormalizedText()).contains("Local lena");
            HtmlPage form = browser.page("/requests/new");
            assertThat(form.getElementById("cannot-submit")).as("local accounts may submit").isNull();
        }
        assertThat(audit.find(new AuditFilter("local:lena", "login.success", null, null, 5))).hasSize(1);
    }

    @Test
    void aLocalAdminAccountOpensTheAdminPagesAndAMemberAccountDoesNot() throws Exception {
        account(dataSource, "root-admin", 64528, true);
        account(dataSource, "plain-member", 64529, false);
        Cluster cluster = new Cluster(client, api, cache);
        cluster.network("locallan", "Local LAN", true);
        JoinRequest jr = new JoinRequest();
        jr.setMetadata(new ObjectMetaBuilder().withName(JoinRequest.nameFor("locallan", 64529, "00000003a1"))
                .withNamespace(Cluster.NAMESPACE).build());
        jr.setSpec(new JoinRequestSpec());
        jr.getSpec().asn = 64529L;
        jr.getSpec().networkRef = "locallan";
        jr.getSpec().nodeId = "00000003a1";
        cluster.create(jr);
        try (Browser browser = new Browser(base)) {
            browser.loginLocal("root-admin", PASSWORD);
            HtmlPage pending = browser.page("/admin/pending");
            assertThat(pending.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(pending.asNormalizedText()).contains("patch joinrequest locallan-as64529-00000003a1")
                    .contains("\"decidedBy\":\"'\"$(kubectl auth whoami -o jsonpath='{.status.userInfo.username}')\"'\"");
        }
        try (Browser browser = new Browser(base)) {
            browser.loginLocal("plain-member", PASSWORD);
            assertThat(browser.page("/admin/pending").getWebResponse().getStatusCode()).isEqualTo(403);
        }
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() throws Exception {
        account(dataSource, "hashed", 64521, false);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select password_hash from local_account where username = 'hashed'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("$2").doesNotContain(PASSWORD);
        }
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        account(dataSource, "wanda", 64522, false);
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginLocal("wanda", "not the password at all");
            assertThat(page.getUrl().toString()).endsWith("/login?error=true");
            assertThat(page.asNormalizedText()).contains("Login failed");
            assertThat(browser.page("/requests").getUrl().getPath()).isEqualTo("/login");
        }
        assertThat(audit.find(new AuditFilter("local:wanda", "login.failure", null, null, 5))).hasSize(1);
    }

    @Test
    void accountIsLockedAfterTooManyFailuresEvenForTheRightPassword() throws Exception {
        account(dataSource, "larry", 64523, false);
        try (Browser browser = new Browser(base)) {
            for (int i = 0; i < 3; i++) {
                browser.loginLocal("larry", "wrong password " + i);
            }
            HtmlPage page = browser.loginLocal("larry", PASSWORD);
            assertThat(page.getUrl().toString()).endsWith("/login?error=true");
        }
        assertThat(audit.find(new AuditFilter("local:larry", "login.failure", null, null, 10)))
                .anyMatch(e -> e.details().contains("account locked"));
        try (Connection c = dataSource.getConnection()) {
            LocalAccounts.resetPassword(c, "larry", PASSWORD);
        }
        try (Browser browser = new Browser(base)) {
            assertThat(browser.loginLocal("larry", PASSWORD).getUrl().getPath()).isEqualTo("/requests");
        }
    }

    @Test
    void failuresFromOneAddressLockTheAccountOnlyForThatAddress() throws Exception {
        account(dataSource, "lotta", 64532, false);
        try (Browser attacker = new Browser(base).fromAddress("203.0.113.66")) {
            for (int i = 0; i < 5; i++) {
                attacker.loginLocal("lotta", "guess " + i);
            }
            assertThat(attacker.loginLocal("lotta", PASSWORD).getUrl().toString()).as("locked for the attacker's address")
                    .endsWith("/login?error=true");
        }
        try (Browser owner = new Browser(base).fromAddress("198.51.100.23")) {
            assertThat(owner.loginLocal("lotta", PASSWORD).getUrl().getPath()).as("the owner, elsewhere").isEqualTo("/requests");
        }
        assertThat(audit.find(new AuditFilter("local:lotta", "login.failure", null, null, 10)))
                .anyMatch(e -> e.details().contains("locked for the address") && e.details().contains("203.0.113.66"));
    }

    @Test
    void failuresFromAddressesOfOneIpv6Slash64LockTheAccountForThatBlockOnly() throws Exception {
        account(dataSource, "ivo", 64535, false);
        for (int i = 1; i <= 3; i++) {
            try (Browser attacker = new Browser(base).fromAddress("2001:db8:66:1::" + i)) {
                attacker.loginLocal("ivo", "guess " + i);
            }
        }
        try (Browser attacker = new Browser(base).fromAddress("2001:db8:66:1:abcd::99")) {
            assertThat(attacker.loginLocal("ivo", PASSWORD).getUrl().toString())
                    .as("a fresh address of the same /64 is still locked").endsWith("/login?error=true");
        }
        try (Browser owner = new Browser(base).fromAddress("2001:db8:66:2::1")) {
            assertThat(owner.loginLocal("ivo", PASSWORD).getUrl().getPath()).as("the owner, in another /64")
                    .isEqualTo("/requests");
        }
    }

    @Test
    void failureRowsThatNoLongerCountAreDeletedSoTheTableDoesNotGrowWithEveryAddress() throws Exception {
        account(dataSource, "olga", 64536, false);
        try (Connection c = dataSource.getConnection(); PreparedStatement old = c.prepareStatement(
                "insert into login_failure (account_id, source, failures, last_failure, locked_until) select id, ?, 3, "
                        + "now() - interval '2 days', now() - interval '1 day' from local_account where username = 'olga'")) {
            old.setString(1, "192.0.2.44");
            old.executeUpdate();
        }
        try (Browser browser = new Browser(base).fromAddress("198.51.100.45")) {
            browser.loginLocal("olga", "a wrong password");
        }
        assertThat(failureSources("olga")).containsExactly("198.51.100.45");
    }

    private List<String> failureSources(String username) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select f.source from "
                + "login_failure f join local_account a on a.id = f.account_id where a.username = ? order by f.source")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> sources = new java.util.ArrayList<>();
                while (rs.next()) {
                    sources.add(rs.getString(1));
                }
                return sources;
            }
        }
    }

    @Test
    void theAuditNamesTheClientTheTrustedProxySawNotTheAddressTheClientWroteItself() throws Exception {
        account(dataSource, "fiona", 64533, false);
        try (Browser browser = new Browser(base).fromAddress("192.0.2.250, 198.51.100.77")) {
            assertThat(browser.loginLocal("fiona", PASSWORD).getUrl().getPath()).isEqualTo("/requests");
        }
        assertThat(audit.find(new AuditFilter("local:fiona", "login.success", null, null, 5))).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("from 198.51.100.77").doesNotContain("192.0.2.250"));
    }

    @Test
    void anUnknownUserNameCostsTheSamePasswordCheckAsAWrongPassword() throws Exception {
        account(dataSource, "timed", 64534, false);
        try (Browser browser = new Browser(base)) {
            browser.loginLocal("warm-up", "warm up the dummy hash");
            long unknown = medianMillis(() -> browser.loginLocal("nobody-by-this-name", "some password"));
            long wrong = medianMillis(() -> browser.loginLocal("timed", "some password"));
            // a bcrypt check (cost 12) takes a few hundred ms; without it an unknown name answers in a few ms.
            // Both include the same page loads, so the ratio stays near 1 however loaded the machine is.
            assertThat((double) unknown / wrong).as("unknown %d ms vs wrong password %d ms", unknown, wrong)
                    .isGreaterThan(0.4);
        }
    }

    private static long medianMillis(Runnable attempt) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            attempt.run();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    @Test
    void disablingAnAccountEndsItsSessionAtTheNextRequest() throws Exception {
        account(dataSource, "dora", 64524, false);
        try (Browser browser = new Browser(base)) {
            assertThat(browser.loginLocal("dora", PASSWORD).getUrl().getPath()).isEqualTo("/requests");
            try (Connection c = dataSource.getConnection()) {
                LocalAccounts.setDisabled(c, "dora", true);
            }
            assertThat(browser.page("/requests").getUrl().getPath()).isEqualTo("/login");
            assertThat(browser.loginLocal("dora", PASSWORD).getUrl().toString()).endsWith("/login?error=true");
        }
    }

    @Test
    void loginFormWithoutTheCsrfTokenIsRefused() throws Exception {
        account(dataSource, "carl", 64525, false);
        try (Browser browser = new Browser(base)) {
            browser.page("/login");
            WebRequest request = new WebRequest(new URL(browser.url("/j_security_check")), HttpMethod.POST);
            request.setRequestParameters(List.of(new NameValuePair("j_username", "carl"),
                    new NameValuePair("j_password", PASSWORD)));
            Page answer = browser.client().getPage(request);
            assertThat(answer.getUrl().getPath()).isEqualTo("/login");
            assertThat(browser.page("/requests").getUrl().getPath()).isEqualTo("/login");
        }
    }

    @Test
    void localLogoutEndsTheSession() throws Exception {
        account(dataSource, "lou", 64526, false);
        try (Browser browser = new Browser(base)) {
            HtmlPage page = browser.loginLocal("lou", PASSWORD);
            HtmlPage after = browser.logout(page);
            assertThat(after.getUrl().getPath()).isEqualTo("/login");
            assertThat(browser.page("/requests").getUrl().getPath()).isEqualTo("/login");
        }
        assertThat(audit.find(new AuditFilter("local:lou", "logout", null, null, 5))).hasSize(1);
    }

    @Test
    void sessionCookiesAreHttpOnlyAndSameSite() throws Exception {
        account(dataSource, "cookie", 64527, false);
        try (Browser browser = new Browser(base)) {
            browser.client().getOptions().setRedirectEnabled(false);
            HtmlPage login = browser.page("/login");
            login.getHtmlElementById("j_username").setAttribute("value", "cookie");
            ((org.htmlunit.html.HtmlInput) login.getHtmlElementById("j_password")).setValue(PASSWORD);
            Page answer = login.getHtmlElementById("local-login-submit").click();
            String setCookie = answer.getWebResponse().getResponseHeaders().stream()
                    .filter(h -> h.getName().equalsIgnoreCase("Set-Cookie") && h.getValue().startsWith("quarkus-credential="))
                    .map(NameValuePair::getValue).findFirst().orElseThrow();
            assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        }
    }
}
