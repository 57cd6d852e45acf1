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
        try (Connection c = dataSource.getConnection()) {
            Optional<LocalAccount> found = validName ? LocalAccounts.find(c, username) : Optional.empty();
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
            if (LocalAccounts.lockedFor(c, account.id(), source)) {
                failures.failure(actor, "login.failure", name, "account locked for the address", address);
                throw failure("account locked for this address");
            }
            if (!passwordMatches) {
                boolean locked = LocalAccounts.recordFailure(c, account.id(), source, config.login().maxFailures(),
                        config.login().lockout());
                failures.failure(actor, "login.failure", name,
                        locked ? "wrong password; account locked for the address" : "wrong password", address);
                throw failure("wrong password");
            }
            LocalAccounts.recordSuccess(c, account.id(), source);
            String session = sessions.startLocal(account.id(), config.sessionMaxAge());
            audit.record(actor, "login.success", username, "local account, from " + address);
            return PortalIdentities.forLocal(account, session);
        } catch (SQLException | IllegalStateException e) {
            // Nothing was checked, so nothing is counted against the account; the audit log may still be writable.
            LOG.errorf("local login of %s: the account store cannot be read: %s", name, e.getMessage());
            try {
                failures.failure(actor, "login.failure", name, "account store unavailable", address);
            } catch (RuntimeException auditDown) {
                LOG.errorf("local login of %s: the audit log cannot be written either: %s", name, auditDown.getMessage());
            }
            throw failure("account store unavailable");
        }
    }

    /** Marks failures of local logins, which this class has already written to the audit log. */
    public static final String FAILURE_PREFIX = "local login: ";

    static AuthenticationFailedException failure(String why) {
        return new AuthenticationFailedException(FAILURE_PREFIX + why);
    }
}
