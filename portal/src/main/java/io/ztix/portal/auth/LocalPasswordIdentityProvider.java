package io.ztix.portal.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.ztix.portal.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Checks a local account's password from the login form: CSRF token, per-address throttle, disabled and
 * locked accounts, bcrypt hash; counts failures and locks the account after too many.
 */
@ApplicationScoped
public class LocalPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(LocalPasswordIdentityProvider.class);

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    LoginThrottle throttle;

    @Inject
    PortalAccessConfig config;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        String username = request.getUsername() == null ? "" : request.getUsername().trim().toLowerCase();
        String password = new String(request.getPassword().getPassword());
        if (!LoginFormCsrf.valid(http)) {
            return Uni.createFrom().failure(failure("login form without a valid CSRF token"));
        }
        return context.runBlocking(() -> check(username, password, address));
    }

    private SecurityIdentity check(String username, String password, String address) {
        if (!throttle.tryAcquire(address)) {
            audit.record("local:" + username, "login.failure", username, "too many attempts from " + address);
            throw failure("too many attempts");
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<LocalAccount> found = LocalAccounts.USERNAME.matcher(username).matches()
                    ? LocalAccounts.find(c, username) : Optional.empty();
            if (found.isEmpty()) {
                audit.record("local:" + username, "login.failure", username, "no such account, from " + address);
                throw failure("no such account");
            }
            LocalAccount account = found.get();
            if (account.disabled()) {
                audit.record(actor(account), "login.failure", username, "account disabled, from " + address);
                throw failure("account disabled");
            }
            if (account.lockedAt(OffsetDateTime.now(ZoneOffset.UTC))) {
                audit.record(actor(account), "login.failure", username, "account locked, from " + address);
                throw failure("account locked");
            }
            if (!LocalAccounts.matches(password, account.passwordHash())) {
                boolean locked = LocalAccounts.recordFailure(c, account.id(), config.login().maxFailures(),
                        config.login().lockout());
                audit.record(actor(account), "login.failure", username,
                        "wrong password, from " + address + (locked ? "; account locked" : ""));
                throw failure("wrong password");
            }
            LocalAccounts.recordSuccess(c, account.id());
            audit.record(actor(account), "login.success", username, "local account, from " + address);
            return PortalIdentities.forLocal(account);
        } catch (SQLException e) {
            // Nothing was checked, so nothing is counted against the account; the audit log may still be writable.
            LOG.errorf("local login of %s: the account store cannot be read: %s", username, e.getMessage());
            try {
                audit.record("local:" + username, "login.failure", username, "account store unavailable, from " + address);
            } catch (RuntimeException auditDown) {
                LOG.errorf("local login of %s: the audit log cannot be written either: %s", username, auditDown.getMessage());
            }
            throw failure("account store unavailable");
        }
    }

    private static String actor(LocalAccount account) {
        return "local:" + account.username();
    }

    /** Marks failures of local logins, which this class has already written to the audit log. */
    public static final String FAILURE_PREFIX = "local login: ";

    static AuthenticationFailedException failure(String why) {
        return new AuthenticationFailedException(FAILURE_PREFIX + why);
    }
}
