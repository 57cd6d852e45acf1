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
 * Restores a local user's identity from the encrypted session cookie on every request, re-reading the
 * account so that disabling it or changing its grants takes effect at once.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    /** Quarkus' form-authentication cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    DataSource dataSource;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            try (Connection c = dataSource.getConnection()) {
                Optional<LocalAccount> account = LocalAccounts.find(c, request.getPrincipal()).filter(a -> !a.disabled());
                if (account.isEmpty()) {
                    if (http != null) {
                        // drop the session cookie, or the login page itself would fail authentication again
                        http.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0));
                    }
                    throw new AuthenticationFailedException("account gone or disabled");
                }
                return PortalIdentities.forLocal(account.get());
            } catch (SQLException e) {
                throw new AuthenticationFailedException("account store unavailable", e);
            }
        });
    }
}
