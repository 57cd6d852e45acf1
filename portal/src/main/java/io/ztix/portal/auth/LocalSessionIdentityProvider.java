package io.ztix.portal.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Restores a local user's identity from the encrypted session cookie on every request, re-reading the
 * account so that disabling it or changing its grants takes effect at once.
 */
@ApplicationScoped
public class LocalSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    DataSource dataSource;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            try (Connection c = dataSource.getConnection()) {
                LocalAccount account = LocalAccounts.find(c, request.getPrincipal())
                        .filter(a -> !a.disabled())
                        .orElseThrow(() -> new AuthenticationFailedException("account gone or disabled"));
                return PortalIdentities.forLocal(account);
            } catch (SQLException e) {
                throw new AuthenticationFailedException("account store unavailable", e);
            }
        });
    }
}
