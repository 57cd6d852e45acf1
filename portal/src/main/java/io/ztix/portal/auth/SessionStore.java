package io.ztix.portal.auth;

import io.ztix.portal.auth.tokens.TokenSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Server-side sessions. A browser holds only a random session id (inside the encrypted local-session cookie,
 * or as the PeeringDB session cookie); the database keeps its SHA-256, the account or the OIDC tokens (sealed
 * with AES-256-GCM, bound to the row: {@link TokenSealer}), and when it expires. Deleting the row ends every copy of the session: logout ends one, a password reset or
 * disabling an account ends all of the account's ({@link LocalAccounts}).
 */
@ApplicationScoped
public class SessionStore {

    /** A live session: the local account it belongs to (null for a PeeringDB session) and its tokens, opened. */
    public record Session(Long accountId, String tokens) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(SessionStore.class);

    @Inject
    DataSource dataSource;

    @Inject
    TokenSealer sealer;

    /** Starts a session of a local account; returns the id for the cookie. */
    public String startLocal(long accountId, Duration maxAge) {
        return start("local", accountId, null, maxAge);
    }

    /** Starts a PeeringDB session holding its OIDC tokens; returns the id for the cookie. */
    public String startPeeringDb(String tokens, Duration maxAge) {
        return start("peeringdb", null, tokens, maxAge);
    }

    /**
     * The live session with this id, or empty (unknown, ended or expired). A session whose tokens do not open
     * (altered in the database, or sealed with a key no longer configured) is ended: its user logs in again.
     */
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select account_id, tokens, last_seen from portal_session where id_hash = ? and expires_at > now()")) {
            ps.setString(1, hash(id));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long account = rs.getLong(1);
                Long accountId = rs.wasNull() ? null : account;
                String tokens = rs.getString(2);
                if (tokens != null) {
                    try {
                        tokens = sealer.open(tokens, hash(id));
                    } catch (TokenSealer.Unopenable e) {
                        LOG.warnf("ending a PeeringDB session whose stored tokens do not open (%s); its user logs in again",
                                e.getMessage());
                        end(c, id);
                        return Optional.empty();
                    }
                }
                Session session = new Session(accountId, tokens);
                if (rs.getTimestamp(3).toInstant().isBefore(Instant.now().minus(TOUCH_EVERY))) {
                    touch(c, id);
                }
                return Optional.of(session);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session store unavailable", e);
        }
    }

    /** Ends the session with this id (logout). */
    public void end(String id) {
        if (id == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            end(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("session store unavailable", e);
        }
    }

    private static void end(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from portal_session where id_hash = ?")) {
            ps.setString(1, hash(id));
            ps.executeUpdate();
        }
    }

    private String start(String kind, Long accountId, String tokens, Duration maxAge) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement cleanup = c.prepareStatement("delete from portal_session where expires_at < now()")) {
                cleanup.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into portal_session (id_hash, kind, account_id, tokens, "
                    + "expires_at) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, hash(id));
                ps.setString(2, kind);
                ps.setObject(3, accountId);
                ps.setString(4, tokens == null ? null : sealer.seal(tokens, hash(id)));
                ps.setTimestamp(5, Timestamp.from(Instant.now().plus(maxAge)));
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("session store unavailable", e);
        }
    }

    private static void touch(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update portal_session set last_seen = now() where id_hash = ?")) {
            ps.setString(1, hash(id));
            ps.executeUpdate();
        }
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
