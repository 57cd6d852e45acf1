package io.ztix.portal.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The notifications table: written once per (request, event, channel, recipient) whoever writes it first, claimed
 * by one replica at a time for delivery (a lease: a claimed row is not due again before the lease ends, so a
 * replica that dies while sending hands it on), and marked delivered, retried later or given up.
 */
@ApplicationScoped
public class Outbox {

    /** How long a claimed delivery is left to the replica that claimed it. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** A delivery to make. */
    record Due(long id, String channel, String recipient, String subject, String body, int attempts) {
    }

    /** One delivery as an admin sees it. */
    public record Delivery(long id, Instant created, String requestName, String event, String channel,
            String recipient, int attempts, Instant deliveredAt, Instant failedAt, Instant nextAttemptAt,
            String lastError) {

        public String state() {
            return deliveredAt != null ? "delivered" : failedAt != null ? "failed" : attempts > 0 ? "retrying" : "pending";
        }
    }

    @Inject
    DataSource dataSource;

    /** @return whether this call wrote the row (false: another replica, or an earlier run, did) */
    boolean add(String requestUid, String requestName, String event, String channel, String recipient, String language,
            String subject, String body) {
        String sql = "insert into notification (request_uid, request_name, event, channel, recipient, language, subject, body) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_uid, event, channel, recipient) do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, requestUid);
            ps.setString(2, requestName);
            ps.setString(3, event);
            ps.setString(4, channel);
            ps.setString(5, recipient);
            ps.setString(6, language);
            ps.setString(7, subject);
            ps.setString(8, body);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the notification outbox", e);
        }
    }

    /** Claims up to {@code limit} due deliveries for this replica. */
    List<Due> claim(int limit) {
        String sql = "update notification set next_attempt_at = now() + ? * interval '1 second' where id in ("
                + "select id from notification where delivered_at is null and failed_at is null and next_attempt_at <= now() "
                + "order by id limit ? for update skip locked) returning id, channel, recipient, subject, body, attempts";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, LEASE.toSeconds());
            ps.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the notification outbox", e);
        }
    }

    void delivered(long id) {
        update("update notification set delivered_at = now(), attempts = attempts + 1, last_error = null where id = ?", id);
    }

    /** A failed attempt: retried after {@code retryIn}, or given up when {@code retryIn} is empty. */
    void attemptFailed(long id, String error, Optional<Duration> retryIn) {
        String sql = retryIn.isPresent()
                ? "update notification set attempts = attempts + 1, last_error = ?, next_attempt_at = now() + ? * interval '1 millisecond' where id = ?"
                : "update notification set attempts = attempts + 1, last_error = ?, failed_at = now() where id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, error == null ? "failed" : error.length() > 500 ? error.substring(0, 500) : error);
            if (retryIn.isPresent()) {
                ps.setLong(2, retryIn.get().toMillis());
                ps.setLong(3, id);
            } else {
                ps.setLong(2, id);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the notification outbox", e);
        }
    }

    public List<Delivery> recent(int limit) {
        String sql = "select id, created_at, request_name, event, channel, recipient, attempts, delivered_at, failed_at, "
                + "next_attempt_at, last_error from notification order by id desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<Delivery> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Delivery(rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getString(11)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the notification outbox", e);
        }
    }

    void rememberLanguage(String requestName, String language) {
        String sql = "insert into request_language (request_name, language) values (?, ?) "
                + "on conflict (request_name) do update set language = excluded.language, at = now()";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, requestName);
            ps.setString(2, language);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remember the request's language", e);
        }
    }

    Optional<String> language(String requestName) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select language from request_language where request_name = ?")) {
            ps.setString(1, requestName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the request's language", e);
        }
    }

    private void update(String sql, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the notification outbox", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
