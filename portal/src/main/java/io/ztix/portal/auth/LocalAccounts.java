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

    /**
     * A bcrypt hash (same cost) of a random password nobody knows: checked against when the user name is unknown,
     * so that a login for an unknown name takes as long as one with a wrong password.
     */
    public static String dummyHash() {
        return DummyHash.VALUE;
    }

    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash(java.util.UUID.randomUUID() + "-" + System.nanoTime(), BCRYPT_COST);
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

    /** Disables or enables an account; disabling ends its live sessions. */
    public static void setDisabled(Connection c, String username, boolean disabled) throws SQLException {
        update(c, username, "update local_account set disabled = ? where username = ?", ps -> ps.setBoolean(1, disabled));
        if (disabled) {
            endSessions(c, username);
        }
    }

    /** Sets a new password, lifts every lockout and ends the account's live sessions. */
    public static void resetPassword(Connection c, String username, String password) throws SQLException {
        String hash = hash(password);
        update(c, username, "update local_account set password_hash = ? where username = ?", ps -> ps.setString(1, hash));
        try (PreparedStatement ps = c.prepareStatement(
                "delete from login_failure where account_id = (select id from local_account where username = ?)")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
        endSessions(c, username);
    }

    private static void endSessions(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "delete from portal_session where account_id = (select id from local_account where username = ?)")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
    }

    public static Optional<LocalAccount> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where a.username = ?")) {
            ps.setString(1, username);
            List<LocalAccount> found = read(c, ps);
            return found.stream().findFirst();
        }
    }

    public static Optional<LocalAccount> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where a.id = ?")) {
            ps.setLong(1, id);
            return read(c, ps).stream().findFirst();
        }
    }

    public static List<LocalAccount> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " order by a.username")) {
            return read(c, ps);
        }
    }

    /**
     * Counts a failed password from {@code source}; locks the account for that source for {@code lockout} once
     * {@code maxFailures} is reached. Failures older than the lockout are forgotten first, and a lockout that has
     * run out starts the count afresh: the source gets {@code maxFailures} attempts again, not one. Rows that no
     * longer count (old failures, ended locks) of any account are deleted, so the table does not grow with every
     * address that ever failed.
     *
     * @return whether the account is now locked for that source
     */
    public static boolean recordFailure(Connection c, long id, String source, int maxFailures, Duration lockout)
            throws SQLException {
        try (PreparedStatement count = c.prepareStatement("insert into login_failure as f (account_id, source, failures, "
                + "last_failure) values (?, ?, 1, now()) on conflict (account_id, source) do update set "
                + "failures = case when f.last_failure < now() - make_interval(secs => ?) or f.locked_until <= now() "
                + "then 1 else f.failures + 1 end, "
                + "locked_until = case when f.locked_until <= now() then null else f.locked_until end, "
                + "last_failure = now()");
                PreparedStatement lock = c.prepareStatement("update login_failure set locked_until = now() + "
                        + "make_interval(secs => ?) where account_id = ? and source = ? and failures >= ? returning 1")) {
            count.setLong(1, id);
            count.setString(2, source);
            count.setDouble(3, lockout.toSeconds());
            count.executeUpdate();
            lock.setDouble(1, lockout.toSeconds());
            lock.setLong(2, id);
            lock.setString(3, source);
            lock.setInt(4, maxFailures);
            boolean locked;
            try (ResultSet rs = lock.executeQuery()) {
                locked = rs.next();
            }
            forgetOldFailures(c, lockout);
            return locked;
        }
    }

    /** Rows whose failures are past the counting window and whose lock has ended count for nothing: delete them. */
    private static void forgetOldFailures(Connection c, Duration lockout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from login_failure where last_failure < now() - "
                + "make_interval(secs => ?) and (locked_until is null or locked_until < now())")) {
            ps.setDouble(1, lockout.toSeconds());
            ps.executeUpdate();
        }
    }

    /** Whether too many failures from {@code source} have locked the account for it. */
    public static boolean lockedFor(Connection c, long id, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from login_failure where account_id = ? and source = ? and locked_until > now()")) {
            ps.setLong(1, id);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void recordSuccess(Connection c, long id, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from login_failure where account_id = ? and source = ?");
                PreparedStatement login = c.prepareStatement("update local_account set last_login = now() where id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, source);
            ps.executeUpdate();
            login.setLong(1, id);
            login.executeUpdate();
        }
    }

    private static final String SELECT = "select a.id, a.username, a.display_name, a.email, a.password_hash, a.admin, "
            + "a.disabled, (select count(*) from login_failure f where f.account_id = a.id and f.locked_until > now()), "
            + "a.last_login from local_account a";

    private static List<LocalAccount> read(Connection c, PreparedStatement ps) throws SQLException {
        List<LocalAccount> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                result.add(new LocalAccount(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), time(rs.getTimestamp(9)),
                        grants(c, id, rs.getString(3))));
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
