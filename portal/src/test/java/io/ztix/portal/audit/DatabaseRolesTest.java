package io.ztix.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.testsupport.DatabaseRoles;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only for the portal even if the portal is taken over: it runs as a role that may only
 * INSERT into and SELECT from the table; the owner role that ran the migrations is the only one that could
 * alter it. Checked against the real PostgreSQL, connected as the portal's own runtime role.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class DatabaseRolesTest {

    @Inject
    DataSource dataSource;

    @Test
    void thePortalRunsAsTheRuntimeRoleNotAsTheOwner() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getUserName()).isEqualTo(DatabaseRoles.RUNTIME);
        }
    }

    @Test
    void theRuntimeRoleMayAppendToAndReadTheAuditLog() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            AuditLog.insert(c, "test:roles", "test.append", "t", "appended by the runtime role");
            assertThat(s.executeQuery("select count(*) from audit_log where action = 'test.append'").next()).isTrue();
        }
    }

    @Test
    void theRuntimeRoleCannotUpdateDeleteTruncateOrDisableTheTriggerOfTheAuditLog() throws Exception {
        for (String sql : List.of("update audit_log set details = 'rewritten'", "delete from audit_log",
                "truncate audit_log", "alter table audit_log disable trigger audit_log_no_update",
                "alter table audit_log disable trigger all", "drop trigger audit_log_no_update on audit_log",
                "drop table audit_log", "create or replace function audit_log_is_append_only() returns trigger "
                        + "language plpgsql as $$ begin return new; end; $$")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage())
                                .isIn("42501", "42883"));
            }
        }
    }

    @Test
    void theRuntimeRoleCannotRewriteTheMigrationHistory() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("delete from flyway_schema_history")).isInstanceOf(SQLException.class);
        }
    }
}
