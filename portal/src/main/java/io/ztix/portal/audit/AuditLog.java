package io.ztix.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Writes and reads the append-only audit log (the table refuses updates and deletes). */
@ApplicationScoped
public class AuditLog {

    @Inject
    DataSource dataSource;

    public void record(String actor, String action, String target, String details) {
        try (Connection c = dataSource.getConnection()) {
            AuditLog.insert(c, actor, action, target, details);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit log", e);
        }
    }

    /** Records the entry unless an identical (action, target, details) entry exists already. */
    public void recordOnce(String actor, String action, String target, String details) {
        String sql = "insert into audit_log (actor, action, target, details) select ?, ?, ?, ? "
                + "where not exists (select 1 from audit_log where action = ? and target = ? and details = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, target);
            ps.setString(4, details);
            ps.setString(5, action);
            ps.setString(6, target);
            ps.setString(7, details);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit log", e);
        }
    }

    /** Plain-JDBC insert, shared with the admin CLI which runs without Quarkus. */
    public static void insert(Connection c, String actor, String action, String target, String details)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_log (actor, action, target, details) values (?, ?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, target);
            ps.setString(4, details);
            ps.executeUpdate();
        }
    }

    /** Every kind of entry the log holds, for the filter's choice. */
    public List<String> actions() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select distinct action from audit_log order by action");
                ResultSet rs = ps.executeQuery()) {
            List<String> actions = new ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            return actions;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    public List<AuditEntry> find(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("select id, at, actor, action, target, details from audit_log where true");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" and actor = ?");
            args.add(filter.actor().trim());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" and action like ?");
            args.add(filter.action().trim().replace("%", "") + "%");
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            sql.append(" and target = ?");
            args.add(filter.target().trim());
        }
        if (filter.asn() != null) {
            sql.append(" and (target like ? or details ~ ?)");
            args.add("%-as" + filter.asn() + "-%");
            args.add("AS" + filter.asn() + "([^0-9]|$)");
        }
        if (filter.maxAge() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(Instant.now().minus(filter.maxAge())));
        }
        sql.append(" order by id desc limit ?");
        args.add(Math.max(1, Math.min(filter.limit(), 1000)));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }
}
