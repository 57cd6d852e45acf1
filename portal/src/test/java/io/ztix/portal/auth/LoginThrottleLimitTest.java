package io.ztix.portal.auth;

import static io.ztix.portal.testsupport.LocalAccountFixture.PASSWORD;
import static io.ztix.portal.testsupport.LocalAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The per-address password throttle in the running portal, with a limit a test can reach (the shared test profile
 * sets 1000 a minute so that the other classes never meet it). Its bucket and bound: LoginThrottleTest.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
@TestProfile(LoginThrottleLimitTest.FourAttemptsAMinute.class)
class LoginThrottleLimitTest {

    public static class FourAttemptsAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ztix.portal.login.per-ip-per-minute", "4", "ztix.portal.login.max-failures", "100");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Test
    void anAddressThatUsedUpItsAttemptsIsRefusedEvenWithTheRightPasswordOfAnotherAccount() throws Exception {
        account(dataSource, "guesser", 64536, false);
        account(dataSource, "bystander", 64537, false);
        try (Browser browser = new Browser(base)) {
            assertThat(browser.loginLocal("bystander", PASSWORD).getUrl().getPath()).as("attempt 1").isEqualTo("/requests");
            browser.logout(browser.page("/requests"));
            for (int i = 2; i <= 4; i++) {
                assertThat(browser.loginLocal("guesser", "guess " + i).getUrl().toString()).as("attempt %d", i)
                        .endsWith("/login?error=true");
            }
            assertThat(browser.loginLocal("bystander", PASSWORD).getUrl().toString()).as("attempt 5, over the limit")
                    .endsWith("/login?error=true");
            assertThat(browser.page("/requests").getUrl().getPath()).isEqualTo("/login");
        }
        assertThat(audit.find(new AuditFilter("local:bystander", "login.failure", null, null, 5)))
                .anyMatch(e -> e.details().startsWith("too many attempts from "));
        try (Connection c = dataSource.getConnection()) {
            assertThat(LocalAccounts.find(c, "bystander").orElseThrow().lockedSources())
                    .as("the throttle locks out the address, not the account").isZero();
        }
    }
}
