package io.ztix.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.ztix.portal.testsupport.DatabaseRoles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged portal (target/quarkus-app), started as its own process in the production profile the way the
 * chart starts it: the migration init container (owner role, QUARKUS_INIT_AND_EXIT) migrates and exits, and
 * the portal refuses to start with unsafe settings. Runs after packaging (maven-failsafe-plugin).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionStartIT {

    private EmbeddedPostgres postgres;
    private String jdbcUrl;

    @BeforeAll
    void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DatabaseRoles.create(postgres);
        jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DatabaseRoles.DATABASE;
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theMigrationContainerMigratesAsTheOwnerGrantsTheRuntimeRoleAndExits() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_INIT_AND_EXIT", "true");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", DatabaseRoles.RUNTIME);
        env.put("QUARKUS_FLYWAY_USERNAME", DatabaseRoles.OWNER);
        env.put("QUARKUS_FLYWAY_PASSWORD", DatabaseRoles.OWNER_PASSWORD);
        Result migration = run(env);

        assertThat(migration.exitCode()).as(migration.output()).isZero();
        assertThat(migration.output()).contains("Successfully applied");
        try (Connection c = DriverManager.getConnection(jdbcUrl, DatabaseRoles.RUNTIME, DatabaseRoles.RUNTIME_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("insert into audit_log (actor, action) values ('it', 'it.check')");
            assertThat(sqlState(s, "truncate audit_log")).isEqualTo("42501");
        }
    }

    @Test
    void productionRefusesAPlainHttpExternalUrl() throws Exception {
        Result start = run(production("http://portal.ix.example.net", null));

        assertThat(start.exitCode()).as(start.output()).isNotZero();
        assertThat(start.output()).contains("refusing to start the portal")
                .contains("ZTIX_PORTAL_EXTERNAL_URL) must be the portal's https:// URL");
    }

    @Test
    void productionRefusesForwardedHeadersFromAnybody() throws Exception {
        Map<String, String> env = production("https://portal.ix.example.net", null);
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        Result start = run(env);

        assertThat(start.exitCode()).as(start.output()).isNotZero();
        assertThat(start.output()).contains("trusted-proxies is empty");
    }

    @Test
    void productionRefusesOneSecretForTwoPurposes() throws Exception {
        Result start = run(production("https://portal.ix.example.net", "the-same-secret-for-everything-0123456789"));

        assertThat(start.exitCode()).as(start.output()).isNotZero();
        assertThat(start.output()).contains("is the same as another secret");
    }

    @Test
    void productionRefusesToStartWithoutATokenEncryptionKeyOrWithAShortOne() throws Exception {
        Map<String, String> env = production("https://portal.ix.example.net", null);
        env.remove("ZTIX_TOKEN_ENCRYPTION_KEY");
        Result missing = run(env);

        assertThat(missing.exitCode()).as(missing.output()).isNotZero();
        assertThat(missing.output()).contains("refusing to start the portal")
                .contains("ZTIX_TOKEN_ENCRYPTION_KEY (PeeringDB session tokens in the database) is not set");

        env.put("ZTIX_TOKEN_ENCRYPTION_KEY", "0123456789abcdef0123456789abcde");
        Result shortKey = run(env);

        assertThat(shortKey.exitCode()).as(shortKey.output()).isNotZero();
        assertThat(shortKey.output()).contains("ZTIX_TOKEN_ENCRYPTION_KEY (PeeringDB session tokens in the database) is "
                + "shorter than 32 characters");
    }

    private Map<String, String> production(String externalUrl, String oneSecret) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", DatabaseRoles.RUNTIME);
        env.put("QUARKUS_DATASOURCE_PASSWORD", DatabaseRoles.RUNTIME_PASSWORD);
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("ZTIX_PORTAL_NAMESPACE", "ztix");
        env.put("ZTIX_PORTAL_EXTERNAL_URL", externalUrl);
        env.put("ZTIX_SESSION_SECRET", oneSecret != null ? oneSecret : "session-secret-for-the-it-0123456789abcdef");
        env.put("ZTIX_OIDC_STATE_SECRET", oneSecret != null ? oneSecret : "oidc-state-secret-for-the-it-0123456789ab");
        env.put("ZTIX_TOKEN_ENCRYPTION_KEY", oneSecret != null ? oneSecret : "token-encryption-key-for-the-it-01234567");
        return env;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Map<String, String> env) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged portal").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("ztix-portal-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("the portal neither started nor stopped in 3 minutes: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String sqlState(Statement s, String sql) {
        try {
            s.execute(sql);
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
