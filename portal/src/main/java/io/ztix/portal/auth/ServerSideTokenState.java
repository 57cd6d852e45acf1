package io.ztix.portal.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a PeeringDB login's OIDC tokens in the database instead of in the session cookie: the cookie holds
 * only a random session id. Logging out deletes the row, so a copied cookie is worth nothing afterwards (with
 * tokens in the cookie it would stay valid until the tokens expire).
 *
 * <p>The database calls run on this application's {@link BlockingSecurityExecutor}, not on the request context
 * Quarkus passes in: for {@code deleteTokens} that is a static one of quarkus-oidc ({@code OidcUtils}) that keeps
 * the executor of the first application started in the JVM, so after a restart (tests, dev mode) ending a session
 * failed with "event executor terminated" and the ended session's request got a 500 instead of a new login.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokenState implements TokenStateManager {

    @Inject
    SessionStore sessions;

    @Inject
    PortalAccessConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlockingSecurityExecutor blocking;

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig oidcConfig, AuthorizationCodeTokens tokens,
            OidcRequestContext<String> requestContext) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", tokens.getIdToken());
        stored.put("access", tokens.getAccessToken());
        stored.put("refresh", tokens.getRefreshToken());
        stored.put("accessExpiresIn", tokens.getAccessTokenExpiresIn());
        stored.put("scope", tokens.getAccessTokenScope());
        String json;
        try {
            json = mapper.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e));
        }
        return blocking.executeBlocking(() -> sessions.startPeeringDb(json, config.sessionMaxAge()));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig oidcConfig, String state,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return blocking.executeBlocking(() -> {
            SessionStore.Session session = sessions.find(state).filter(s -> s.accountId() == null && s.tokens() != null)
                    .orElseThrow(() -> new AuthenticationFailedException("the PeeringDB session has ended"));
            try {
                Map<?, ?> stored = mapper.readValue(session.tokens(), Map.class);
                Object expiresIn = stored.get("accessExpiresIn");
                return new AuthorizationCodeTokens((String) stored.get("id"), (String) stored.get("access"),
                        (String) stored.get("refresh"), expiresIn == null ? null : ((Number) expiresIn).longValue(),
                        (String) stored.get("scope"));
            } catch (JsonProcessingException e) {
                throw new AuthenticationFailedException(e);
            }
        });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig oidcConfig, String state,
            OidcRequestContext<Void> requestContext) {
        return blocking.executeBlocking(() -> {
            sessions.end(state);
            return null;
        });
    }
}
