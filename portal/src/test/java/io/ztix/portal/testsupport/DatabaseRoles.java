package io.ztix.portal.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two PostgreSQL roles of a production installation (docs/operations.md): {@code ztix_owner} owns the
 * database and runs the migrations, {@code ztix_portal} is what the portal logs in as at run time.
 */
public final class DatabaseRoles {

    public static final String DATABASE = "ztix";
    public static final String OWNER = "ztix_owner";
    public static final String OWNER_PASSWORD = "owner-password";
    public static final String RUNTIME = "ztix_portal";
    public static final String RUNTIME_PASSWORD = "portal-password";

    private DatabaseRoles() {
    }

    /** Creates the roles and the database owned by the owner role (as the embedded server's superuser). */
    public static void create(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            s.execute("create role " + RUNTIME + " login password '" + RUNTIME_PASSWORD + "'");
            s.execute("create database " + DATABASE + " owner " + OWNER);
            s.execute("revoke all on database " + DATABASE + " from public");
            s.execute("grant connect on database " + DATABASE + " to " + RUNTIME);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database roles", e);
        }
    }
}
