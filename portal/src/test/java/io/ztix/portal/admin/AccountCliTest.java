package io.ztix.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.audit.AuditFilter;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.auth.LocalAccount;
import io.ztix.portal.auth.LocalAccounts;
import io.ztix.portal.testsupport.DatabaseRoles;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class AccountCliTest {

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private String output;

    private int run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Connection c = dataSource.getConnection(); PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int code = new AccountCli(c, new BufferedReader(new StringReader(stdin)), out, "cli:tester").run(args);
            output = bytes.toString(StandardCharsets.UTF_8);
            return code;
        }
    }

    private LocalAccount find(String username) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return LocalAccounts.find(c, username).orElseThrow();
        }
    }

    @Test
    void createMakesAnAccountWithGrantsReadingThePasswordFromStandardInput() throws Exception {
        assertThat(run("a long enough password\n", "account", "create", "cli-user", "--name", "CLI User",
                "--email", "cli@example.net", "--asn", "64530", "--asn", "AS64531:lan1")).isZero();
        LocalAccount account = find("cli-user");
        assertThat(account.displayName()).isEqualTo("CLI User");
        assertThat(account.grants()).extracting(g -> g.asn() + ":" + g.networkRef())
                .containsExactly("64530:null", "64531:lan1");
        assertThat(LocalAccounts.matches("a long enough password", account.passwordHash())).isTrue();
        assertThat(output).doesNotContain("a long enough password");
        assertThat(audit.find(new AuditFilter("cli:tester", "account.created", "cli-user", null, 5))).hasSize(1);
    }

    @Test
    void listShowsAccountsWithTheirState() throws Exception {
        run("another long password\n", "account", "create", "listed", "--admin", "--asn", "64532");
        assertThat(run("", "account", "list")).isZero();
        assertThat(output).containsPattern("listed\\s+yes\\s+no\\s+no\\s+AS64532");
    }

    @Test
    void disableAndResetPasswordChangeTheAccountAndAreAudited() throws Exception {
        run("first long password\n", "account", "create", "changing", "--asn", "64533");
        assertThat(run("", "account", "disable", "changing")).isZero();
        assertThat(find("changing").disabled()).isTrue();
        assertThat(run("second long password\n", "account", "reset-password", "changing")).isZero();
        assertThat(LocalAccounts.matches("second long password", find("changing").passwordHash())).isTrue();
        assertThat(audit.find(new AuditFilter("cli:tester", "account.", "changing", null, 10)))
                .extracting(e -> e.action()).contains("account.disabled", "account.password-reset");
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws Exception {
        assertThat(run("short\n", "account", "create", "shorty")).isEqualTo(1);
        assertThat(output).contains("at least 12 characters");
        assertThat(run("long enough password\n", "account", "create", "Bad Name")).isEqualTo(1);
        assertThat(output).contains("a username is");
        assertThat(run("", "account", "disable", "nobody-here")).isEqualTo(1);
        assertThat(output).contains("no local account named 'nobody-here'");
        assertThat(run("", "account", "frobnicate")).isEqualTo(2);
        assertThat(output).contains("usage:");
        run("long enough password\n", "account", "create", "twice");
        assertThat(run("long enough password\n", "account", "create", "twice")).isEqualTo(1);
        assertThat(output).contains("exists already");
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletesEvenToTheOwnerRole() throws Exception {
        audit.record("test", "test.entry", "x", "y");
        // the runtime role may not even try (DatabaseRolesTest); the table's trigger also stops its owner
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, DatabaseRoles.OWNER, DatabaseRoles.OWNER_PASSWORD)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update audit_log set actor = 'someone else'")).hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "delete from audit_log")).hasMessageContaining("append-only");
        }
    }
}
