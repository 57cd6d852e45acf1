package io.ztix.portal.auth;

import static io.ztix.portal.testsupport.LocalAccountFixture.PASSWORD;
import static io.ztix.portal.testsupport.LocalAccountFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A local login, and every page after it, takes one database connection at a time. With a pool of one
 * connection, a request that held one while asking for a second (the session store, the audit log) waits for
 * itself until the pool's acquisition timeout; with a pool of twenty, twenty such requests at once do the same.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
@TestProfile(LoginOnOneDatabaseConnectionTest.OneConnection.class)
class LoginOnOneDatabaseConnectionTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "1", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT5S");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Test
    void withAPoolOfOneConnectionAMemberLogsInSeesTheNextPageAndAWrongPasswordIsAudited() throws Exception {
        account(dataSource, "single", 64541, false);
        try (Browser member = new Browser(base)) {
            assertThat(member.loginLocal("single", PASSWORD).getUrl().getPath()).as("login").isEqualTo("/requests");
            assertThat(member.page("/requests").getUrl().getPath()).as("the next page, from the server-side session")
                    .isEqualTo("/requests");
        }
        try (Browser guesser = new Browser(base)) {
            assertThat(guesser.loginLocal("single", "not the right password").getUrl().toString()).endsWith("/login?error=true");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                audit.find(new AuditFilter("local:single", "login.failure", null, null, 5)))
                .as("the failure reached the audit log").anyMatch(e -> e.details().startsWith("wrong password")));
    }
}
