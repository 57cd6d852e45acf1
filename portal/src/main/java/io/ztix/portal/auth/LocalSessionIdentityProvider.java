package io.ztix.portal.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Restores a local user's identity from the encrypted session cookie on every request: the cookie names a
 * server-side session, which must still exist (logout, a password reset or disabling the account delete it),
 * and the account is read again so that changing its grants takes effect at once.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    /** Quarkus' form-authentication cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    DataSource dataSource;

    @Inject
    SessionStore sessions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            String principal = request.getPrincipal();
            String sessionId = principal != null && principal.startsWith(PortalIdentities.SESSION_PREFIX)
                    ? principal.substring(PortalIdentities.SESSION_PREFIX.length()) : null;
            // the session store takes its connection first and gives it back: one request never holds two
            Optional<LocalAccount> account = Optional.ofNullable(sessionId).flatMap(sessions::find)
                    .map(SessionStore.Session::accountId)
                    .flatMap(this::find).filter(a -> !a.disabled());
            if (account.isEmpty()) {
                if (http != null) {
                    // drop the session cookie, or the login page itself would fail authentication again
                    http.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0));
                }
                throw new AuthenticationFailedException("session ended, or account gone or disabled");
            }
            return PortalIdentities.forLocal(account.get(), sessionId);
        });
    }

    private Optional<LocalAccount> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return LocalAccounts.find(c, id);
        } catch (SQLException e) {
            throw new AuthenticationFailedException("account store unavailable", e);
        }
    }
}
