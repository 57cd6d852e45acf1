package io.ztix.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.ztix.portal.testsupport.DatabaseRoles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading to sealed session tokens (V6) on real PostgreSQL: PeeringDB sessions whose tokens were stored in
 * clear text are deleted (their users log in again), local-account sessions stay, and from then on the table
 * refuses tokens that are not sealed.
 */
class SealedTokensMigrationTest {

    @Test
    void clearTextTokensAreDeletedLocalSessionsStayAndClearTextIsRefusedFromThenOn() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DatabaseRoles.create(postgres);
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DatabaseRoles.DATABASE;
            flyway(url, "5").migrate();
            try (Connection c = DriverManager.getConnection(url, DatabaseRoles.OWNER, DatabaseRoles.OWNER_PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("insert into local_account (username, display_name, password_hash) values ('ann', 'Ann', 'x')");
                s.execute("insert into portal_session (id_hash, kind, account_id, expires_at) select '" + "a".repeat(64)
                        + "', 'local', id, now() + interval '1 hour' from local_account");
                s.execute("insert into portal_session (id_hash, kind, tokens, expires_at) values ('" + "b".repeat(64)
                        + "', 'peeringdb', '{\"id\":\"eyJhbGciOi.e30.sig\",\"access\":\"secret\"}', now() + interval '1 hour')");
            }

            flyway(url, "latest").migrate();

            try (Connection c = DriverManager.getConnection(url, DatabaseRoles.RUNTIME, DatabaseRoles.RUNTIME_PASSWORD);
                    Statement s = c.createStatement()) {
                assertThat(kinds(s)).isEqualTo("local");
                assertThatThrownBy(() -> s.execute("insert into portal_session (id_hash, kind, tokens, expires_at) values ('"
                        + "c".repeat(64) + "', 'peeringdb', '{\"access\":\"secret\"}', now() + interval '1 hour')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("portal_session_tokens_sealed");
                s.execute("insert into portal_session (id_hash, kind, tokens, expires_at) values ('" + "d".repeat(64)
                        + "', 'peeringdb', 'v1:0123abcd:c2VhbGVk', now() + interval '1 hour')");
            }
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, DatabaseRoles.OWNER, DatabaseRoles.OWNER_PASSWORD)
                .locations("classpath:db/migration").placeholders(Map.of("runtime_role", DatabaseRoles.RUNTIME))
                .target(target).load();
    }

    private static String kinds(Statement s) throws SQLException {
        StringBuilder kinds = new StringBuilder();
        try (ResultSet rs = s.executeQuery("select kind from portal_session order by kind")) {
            while (rs.next()) {
                kinds.append(kinds.isEmpty() ? "" : ",").append(rs.getString(1));
            }
        }
        return kinds.toString();
    }
}
