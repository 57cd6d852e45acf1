package io.ztix.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.portal.auth.tokens.TokenKeys;
import io.ztix.portal.auth.tokens.TokenSealer;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.htmlunit.Page;
import org.junit.jupiter.api.Test;

/**
 * A PeeringDB session's OIDC tokens are stored sealed (AES-256-GCM, the token encryption key, bound to the row),
 * in the real PostgreSQL of the portal tests. A row that does not open (altered, copied from another session,
 * sealed with a key no longer configured) ends that session: its user is sent to log in again, never a 500.
 * A key rotated away from still opens what it sealed while it is listed as a previous key.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class TokensAtRestTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "ztix.token-encryption-key")
    String currentKey;

    @ConfigProperty(name = "ztix.token-encryption-previous-keys")
    String previousKey;

    @Test
    void theSessionTableHoldsTheTokensSealedNotAsText() throws Exception {
        try (Browser member = new Browser(base)) {
            member.loginWithPeeringDb("full");
            String idHash = idHash(member);

            String stored = storedTokens(idHash);

            assertThat(stored).matches(TokenSealer.SEALED).doesNotContain("eyJ").doesNotContain("access")
                    .doesNotContain("refresh").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            String opened = sealer(currentKey).open(stored, idHash);
            assertThat(opened).as("the tokens are in there, sealed").contains("\"id\":\"eyJ").contains("\"access\":");
        }
    }

    @Test
    void aTamperedRowEndsTheSessionAndTheUserLogsInAgain() throws Exception {
        try (Browser member = new Browser(base)) {
            member.loginWithPeeringDb("full");
            String idHash = idHash(member);
            String stored = storedTokens(idHash);
            int at = stored.length() - 12;
            store(idHash, stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1));

            assertSentToLogIn(member);
            assertThat(storedTokens(idHash)).as("the session is ended").isNull();
        }
    }

    @Test
    void tokensCopiedFromAnotherSessionDoNotOpen() throws Exception {
        try (Browser victim = new Browser(base); Browser intruder = new Browser(base)) {
            victim.loginWithPeeringDb("full");
            intruder.loginWithPeeringDb("full");
            String intruderHash = idHash(intruder);
            store(intruderHash, storedTokens(idHash(victim)));

            assertSentToLogIn(intruder);
            assertThat(victim.page("/requests").getUrl().getPath()).isEqualTo("/requests");
        }
    }

    @Test
    void tokensSealedWithAKeyNoLongerConfiguredEndTheSession() throws Exception {
        try (Browser member = new Browser(base)) {
            member.loginWithPeeringDb("full");
            String idHash = idHash(member);
            String opened = sealer(currentKey).open(storedTokens(idHash), idHash);
            store(idHash, sealer("a-key-that-was-dropped-from-the-portal-0123456789").seal(opened, idHash));

            assertSentToLogIn(member);
        }
    }

    @Test
    void tokensSealedWithThePreviousKeyStillOpenAfterARotation() throws Exception {
        try (Browser member = new Browser(base)) {
            member.loginWithPeeringDb("full");
            String idHash = idHash(member);
            String opened = sealer(currentKey).open(storedTokens(idHash), idHash);
            String sealedBefore = sealer(previousKey).seal(opened, idHash);
            store(idHash, sealedBefore);

            assertThat(member.page("/requests").getUrl().getPath()).isEqualTo("/requests");
            assertThat(storedTokens(idHash)).isEqualTo(sealedBefore);
        }
    }

    private static void assertSentToLogIn(Browser browser) {
        Page page = browser.get("/requests");
        assertThat(page.getWebResponse().getStatusCode()).isLessThan(500);
        assertThat(page.getUrl().getPath()).as("sent to log in again").isIn("/login", "/oauth2/authorize/");
    }

    private static TokenSealer sealer(String key) {
        return new TokenSealer(TokenKeys.of(key, List.of()));
    }

    private String idHash(Browser browser) throws SQLException {
        String session = browser.cookie("q_session");
        assertThat(session).as("the PeeringDB session cookie").isNotNull();
        String hash = SessionStore.hash(session);
        assertThat(storedTokens(hash)).as("the row of the session id in the cookie").isNotNull();
        return hash;
    }

    private String storedTokens(String idHash) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select tokens from portal_session where id_hash = ?")) {
            ps.setString(1, idHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void store(String idHash, String tokens) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update portal_session set tokens = ? where id_hash = ?")) {
            ps.setString(1, tokens);
            ps.setString(2, idHash);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
