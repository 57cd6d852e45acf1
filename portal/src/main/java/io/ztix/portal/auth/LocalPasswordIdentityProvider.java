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
import io.ztix.portal.audit.FailureAggregator;
import io.ztix.portal.proxy.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Checks a local account's password from the login form: CSRF token, per-address throttle, then always one
 * bcrypt check (against a dummy hash for an unknown name, so timing does not tell which names exist), disabled
 * accounts, and a lockout per (account, client address) after too many failures, so that nobody can lock a
 * known user out from everywhere. Failures are audited aggregated; a success starts a server-side session.
 */
@ApplicationScoped
public class LocalPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(LocalPasswordIdentityProvider.class);

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    FailureAggregator failures;

    @Inject
    LoginThrottle throttle;

    @Inject
    PortalAccessConfig config;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    SessionStore sessions;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = clientAddresses.of(http);
        String username = request.getUsername() == null ? "" : request.getUsername().trim().toLowerCase();
        String password = new String(request.getPassword().getPassword());
        if (!LoginFormCsrf.valid(http)) {
            return Uni.createFrom().failure(failure("login form without a valid CSRF token"));
        }
        return context.runBlocking(() -> check(username, password, address));
    }

    private SecurityIdentity check(String username, String password, String address) {
        boolean validName = LocalAccounts.USERNAME.matcher(username).matches();
        String name = validName ? username : "(not a user name)";
        String actor = "local:" + name;
        // lockouts hold per (account, source) where an IPv6 source is its /64, as for the throttle
        String source = LoginThrottle.bucketOf(address);
        if (!throttle.tryAcquire(address)) {
            failures.failure(actor, "login.failure", name, "too many attempts from the address", address);
            throw failure("too many attempts");
        }
        // No database connection is held during the bcrypt check, nor while the audit log or the session store
        // take one of their own: a burst of logins would otherwise hold the pool for the length of their bcrypt
        // checks, and requests holding one connection while waiting for a second can wait for each other.
        Optional<LocalAccount> found;
        boolean locked;
        try (Connection c = dataSource.getConnection()) {
            found = validName ? LocalAccounts.find(c, username) : Optional.empty();
            locked = found.isPresent() && LocalAccounts.lockedFor(c, found.get().id(), source);
        } catch (SQLException | IllegalStateException e) {
            throw storeUnavailable(name, actor, address, e);
        }
        boolean passwordMatches = LocalAccounts.matches(password,
                found.map(LocalAccount::passwordHash).orElse(LocalAccounts.dummyHash()));
        if (found.isEmpty()) {
            failures.failure(actor, "login.failure", name, "no such account", address);
            throw failure("no such account");
        }
        LocalAccount account = found.get();
        if (account.disabled()) {
            failures.failure(actor, "login.failure", name, "account disabled", address);
            throw failure("account disabled");
        }
        if (locked) {
            failures.failure(actor, "login.failure", name, "account locked for the address", address);
            throw failure("account locked for this address");
        }
        if (!passwordMatches) {
            boolean nowLocked;
            try (Connection c = dataSource.getConnection()) {
                nowLocked = LocalAccounts.recordFailure(c, account.id(), source, config.login().maxFailures(),
                        config.login().lockout());
            } catch (SQLException | IllegalStateException e) {
                throw storeUnavailable(name, actor, address, e);
            }
            failures.failure(actor, "login.failure", name,
                    nowLocked ? "wrong password; account locked for the address" : "wrong password", address);
            throw failure("wrong password");
        }
        try {
            try (Connection c = dataSource.getConnection()) {
                LocalAccounts.recordSuccess(c, account.id(), source);
            }
            String session = sessions.startLocal(account.id(), config.sessionMaxAge());
            audit.record(actor, "login.success", username, "local account, from " + address);
            return PortalIdentities.forLocal(account, session);
        } catch (SQLException | IllegalStateException e) {
            throw storeUnavailable(name, actor, address, e);
        }
    }

    /** Nothing was checked, so nothing is counted against the account; the audit log may still be writable. */
    private AuthenticationFailedException storeUnavailable(String name, String actor, String address, Exception e) {
        LOG.errorf("local login of %s: the account store cannot be read: %s", name, e.getMessage());
        try {
            failures.failure(actor, "login.failure", name, "account store unavailable", address);
        } catch (RuntimeException auditDown) {
            LOG.errorf("local login of %s: the audit log cannot be written either: %s", name, auditDown.getMessage());
        }
        return failure("account store unavailable");
    }

    /** Marks failures of local logins, which this class has already written to the audit log. */
    public static final String FAILURE_PREFIX = "local login: ";

    static AuthenticationFailedException failure(String why) {
        return new AuthenticationFailedException(FAILURE_PREFIX + why);
    }
}
