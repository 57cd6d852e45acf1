package io.ztix.portal.admin;

import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.auth.LocalAccount;
import io.ztix.portal.auth.LocalAccounts;
import io.ztix.portal.auth.NetworkAffiliation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Admin command line for local accounts, run against the portal's database without starting the portal:
 *
 * <pre>
 * java -cp 'quarkus-app/app/*:quarkus-app/lib/main/*' io.ztix.portal.admin.AccountCli account list
 * </pre>
 *
 * The database comes from QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and
 * QUARKUS_DATASOURCE_PASSWORD (the portal's own settings). Passwords are read from standard input, never
 * from the command line. Every change is written to the audit log as {@code cli:<os user>}.
 */
public final class AccountCli {

    static final String USAGE = """
            usage: account create <username> [--name "Full Name"] [--email a@b] [--admin] [--asn <asn>[:<network>]]...
                   account grant <username> <asn> [<network>]
                   account list
                   account disable <username>
                   account enable <username>
                   account reset-password <username>
            create and reset-password read the new password (at least 12 characters) from standard input.""";

    private final Connection connection;
    private final BufferedReader in;
    private final PrintStream out;
    private final String actor;

    public AccountCli(Connection connection, BufferedReader in, PrintStream out, String actor) {
        this.connection = connection;
        this.in = in;
        this.out = out;
        this.actor = actor;
    }

    public static void main(String[] args) throws SQLException {
        String url = env("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            System.err.println("set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) to the portal's database");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(url, env("QUARKUS_DATASOURCE_USERNAME"),
                env("QUARKUS_DATASOURCE_PASSWORD"))) {
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.exit(new AccountCli(c, stdin, System.out, "cli:" + System.getProperty("user.name")).run(args));
        }
    }

    /** Runs one command; returns the process exit code (0 ok, 1 refused, 2 usage). */
    public int run(String[] args) {
        if (args.length < 2 || !"account".equals(args[0])) {
            out.println(USAGE);
            return 2;
        }
        try {
            return switch (args[1]) {
                case "create" -> create(Arrays.copyOfRange(args, 2, args.length));
                case "grant" -> grant(Arrays.copyOfRange(args, 2, args.length));
                case "list" -> list();
                case "disable" -> setDisabled(args, true);
                case "enable" -> setDisabled(args, false);
                case "reset-password" -> resetPassword(args);
                default -> {
                    out.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            out.println("error: database: " + e.getMessage());
            return 1;
        }
    }

    private int create(String[] args) throws SQLException {
        if (args.length < 1 || args[0].startsWith("--")) {
            out.println(USAGE);
            return 2;
        }
        String username = args[0];
        String name = null;
        String email = null;
        boolean admin = false;
        List<String> grants = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = value(args, ++i, "--name");
                case "--email" -> email = value(args, ++i, "--email");
                case "--admin" -> admin = true;
                case "--asn" -> grants.add(value(args, ++i, "--asn"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LocalAccounts.checkUsername(username);
        String password = readPassword();
        connection.setAutoCommit(false);
        try {
            LocalAccounts.create(connection, username, name, email, password, admin);
            for (String grant : grants) {
                String[] parts = grant.split(":", 2);
                LocalAccounts.grant(connection, username, asn(parts[0]), parts.length > 1 ? parts[1] : null);
            }
            AuditLog.insert(connection, actor, "account.created", username,
                    "admin=" + admin + "; grants=" + grants);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            if (e instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new IllegalArgumentException("an account named '" + username + "' exists already");
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        out.println("created " + username);
        return 0;
    }

    private int grant(String[] args) throws SQLException {
        if (args.length < 2) {
            out.println(USAGE);
            return 2;
        }
        String network = args.length > 2 ? args[2] : null;
        LocalAccounts.grant(connection, args[0], asn(args[1]), network);
        AuditLog.insert(connection, actor, "account.granted", args[0], "AS" + args[1] + (network == null ? "" : " on " + network));
        out.println("granted AS" + args[1] + " to " + args[0]);
        return 0;
    }

    private int list() throws SQLException {
        out.printf("%-24s %-6s %-9s %-8s %s%n", "USERNAME", "ADMIN", "DISABLED", "LOCKED", "GRANTS");
        // LOCKED: from how many client addresses too many failed passwords lock the account out right now
        for (LocalAccount a : LocalAccounts.list(connection)) {
            String grants = a.grants().stream().map(AccountCli::describe).reduce((x, y) -> x + "," + y).orElse("-");
            out.printf("%-24s %-6s %-9s %-8s %s%n", a.username(), a.admin() ? "yes" : "no", a.disabled() ? "yes" : "no",
                    a.lockedSources() == 0 ? "no" : a.lockedSources() + " addr", grants);
        }
        return 0;
    }

    private int setDisabled(String[] args, boolean disabled) throws SQLException {
        if (args.length < 3) {
            out.println(USAGE);
            return 2;
        }
        LocalAccounts.setDisabled(connection, args[2], disabled);
        AuditLog.insert(connection, actor, disabled ? "account.disabled" : "account.enabled", args[2],
                disabled ? "sessions ended" : null);
        out.println((disabled ? "disabled " : "enabled ") + args[2]);
        return 0;
    }

    private int resetPassword(String[] args) throws SQLException {
        if (args.length < 3) {
            out.println(USAGE);
            return 2;
        }
        LocalAccounts.resetPassword(connection, args[2], readPassword());
        AuditLog.insert(connection, actor, "account.password-reset", args[2], "lockouts lifted, sessions ended");
        out.println("password reset for " + args[2]);
        return 0;
    }

    private String readPassword() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("expected the password on standard input");
            }
            LocalAccounts.checkPassword(line);
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read the password: " + e.getMessage());
        }
    }

    private static String describe(NetworkAffiliation grant) {
        return "AS" + grant.asn() + (grant.networkRef() == null ? "" : ":" + grant.networkRef());
    }

    private static long asn(String text) {
        try {
            return Long.parseLong(text.trim().toUpperCase().replaceFirst("^AS", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ASN");
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
