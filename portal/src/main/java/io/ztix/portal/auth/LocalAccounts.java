package io.ztix.portal.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Storage of local accounts in plain JDBC, shared by the login code and the admin CLI (which runs without
 * Quarkus). Passwords are stored as bcrypt hashes only.
 */
public final class LocalAccounts {

    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}$");
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int BCRYPT_COST = 12;

    private LocalAccounts() {
    }

    public static String hash(String password) {
        checkPassword(password);
        return BcryptUtil.bcryptHash(password, BCRYPT_COST);
    }

    public static boolean matches(String password, String hash) {
        return password != null && hash != null && BcryptUtil.matches(password, hash);
    }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 1-63 characters: lower-case letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit");
        }
    }

    public static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    public static long create(Connection c, String username, String displayName, String email, String password,
            boolean admin) throws SQLException {
        checkUsername(username);
        try (PreparedStatement ps = c.prepareStatement("insert into local_account "
                + "(username, display_name, email, password_hash, admin) values (?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, username);
            ps.setString(2, displayName == null || displayName.isBlank() ? username : displayName);
            ps.setString(3, email);
            ps.setString(4, hash(password));
            ps.setBoolean(5, admin);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void grant(Connection c, String username, long asn, String networkRef) throws SQLException {
        if (asn < 1 || asn > 4294967294L) {
            throw new IllegalArgumentException("an ASN is a number from 1 to 4294967294");
        }
        long id = find(c, username).orElseThrow(() -> noSuchAccount(username)).id();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into local_account_grant (account_id, asn, network_ref) values (?, ?, ?) on conflict do nothing")) {
            ps.setLong(1, id);
            ps.setLong(2, asn);
            if (networkRef == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, networkRef);
            }
            ps.executeUpdate();
        }
    }

    public static void setDisabled(Connection c, String username, boolean disabled) throws SQLException {
        update(c, username, "update local_account set disabled = ? where username = ?", ps -> ps.setBoolean(1, disabled));
    }

    /** Sets a new password and lifts any lockout. */
    public static void resetPassword(Connection c, String username, String password) throws SQLException {
        String hash = hash(password);
        update(c, username, "update local_account set password_hash = ?, failed_attempts = 0, locked_until = null "
                + "where username = ?", ps -> ps.setString(1, hash));
    }

    public static Optional<LocalAccount> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where username = ?")) {
            ps.setString(1, username);
            List<LocalAccount> found = read(c, ps);
            return found.stream().findFirst();
        }
    }

    public static List<LocalAccount> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " order by username")) {
            return read(c, ps);
        }
    }

    /**
     * Counts a failed password; locks the account for {@code lockout} once {@code maxFailures} is reached. A lockout
     * that has run out starts the count afresh: the account gets {@code maxFailures} attempts again, not one.
     */
    public static boolean recordFailure(Connection c, long id, int maxFailures, Duration lockout) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement("with counted as (select id, case when locked_until is not null "
                + "and locked_until <= ? then 1 else failed_attempts + 1 end as failures from local_account where id = ?) "
                + "update local_account a set failed_attempts = counted.failures, "
                + "locked_until = case when counted.failures >= ? then ? "
                + "when a.locked_until <= ? then null else a.locked_until end "
                + "from counted where a.id = counted.id returning a.locked_until")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.setInt(3, maxFailures);
            ps.setTimestamp(4, Timestamp.from(now.plus(lockout)));
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null && rs.getTimestamp(1).toInstant().isAfter(Instant.now());
            }
        }
    }

    public static void recordSuccess(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update local_account set failed_attempts = 0, "
                + "locked_until = null, last_login = now() where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static final String SELECT = "select id, username, display_name, email, password_hash, admin, disabled, "
            + "failed_attempts, locked_until, last_login from local_account";

    private static List<LocalAccount> read(Connection c, PreparedStatement ps) throws SQLException {
        List<LocalAccount> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                result.add(new LocalAccount(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), time(rs.getTimestamp(9)),
                        time(rs.getTimestamp(10)), grants(c, id, rs.getString(3))));
            }
        }
        return result;
    }

    private static List<NetworkAffiliation> grants(Connection c, long accountId, String name) throws SQLException {
        List<NetworkAffiliation> grants = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select asn, network_ref from local_account_grant where account_id = ? order by asn, network_ref")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add(new NetworkAffiliation(rs.getLong(1), null, 15, rs.getString(2)));
                }
            }
        }
        return grants;
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static void update(Connection c, String username, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setString(2, username);
            if (ps.executeUpdate() == 0) {
                throw noSuchAccount(username);
            }
        }
    }

    private static IllegalArgumentException noSuchAccount(String username) {
        return new IllegalArgumentException("no local account named '" + username + "'");
    }
}
