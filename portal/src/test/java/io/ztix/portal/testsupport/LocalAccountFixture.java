package io.ztix.portal.testsupport;

import io.ztix.portal.auth.LocalAccounts;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Local accounts for the login tests, written to the real database through {@link LocalAccounts}, as the account CLI does. */
public final class LocalAccountFixture {

    /** The password of every account made here. */
    public static final String PASSWORD = "correct horse battery staple";

    private LocalAccountFixture() {
    }

    /** Creates {@code username} (display name "Local username", mail username@example.net) with a grant of {@code asn}. */
    public static void account(DataSource dataSource, String username, long asn, boolean admin) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            LocalAccounts.create(c, username, "Local " + username, username + "@example.net", PASSWORD, admin);
            LocalAccounts.grant(c, username, asn, null);
        }
    }
}
