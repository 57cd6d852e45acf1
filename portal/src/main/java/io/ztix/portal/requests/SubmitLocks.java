package io.ztix.portal.requests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Serialises the submits that count against one quota, across every portal replica: a submit takes PostgreSQL
 * transaction-level advisory locks on its keys (the person, the ASN on the LAN, the LAN), always in one order so
 * that two submits never wait for each other crosswise, and holds them while it counts the live requests on the
 * API server and creates its own. The next submit sharing a key counts after that create. The locks end with the
 * transaction, also when a portal dies or its connection drops.
 */
@ApplicationScoped
class SubmitLocks {

    /** How long a submit waits for another one sharing a key before the member is asked to try again. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    DataSource dataSource;

    /** Runs {@code action} holding the locks of {@code keys}; {@code error_busy} when they stay taken too long. */
    <T> T holding(Collection<String> keys, Supplier<T> action) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                lock(c, keys);
                return action.get();
            } finally {
                c.rollback(); // the transaction wrote nothing: ending it releases the locks
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new InvalidRequest(null, "error_busy");
            }
            throw new IllegalStateException("the portal's database cannot be reached to count requests: " + e.getMessage(), e);
        }
    }

    private static void lock(Connection c, Collection<String> keys) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local lock_timeout = '" + WAIT.toMillis() + "ms'");
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            for (long id : keys.stream().mapToLong(SubmitLocks::id).distinct().sorted().toArray()) {
                ps.setLong(1, id);
                ps.executeQuery().close();
            }
        }
    }

    /** The advisory lock number of a key: 64 bits of its SHA-256 (a collision only makes two keys share a lock). */
    static long id(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("ztix-submit/" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
