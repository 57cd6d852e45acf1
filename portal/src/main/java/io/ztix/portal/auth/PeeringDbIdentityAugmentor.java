package io.ztix.portal.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Gives a PeeringDB (OIDC) identity its {@link PortalUser} and roles, from the id_token claims. */
@ApplicationScoped
public class PeeringDbIdentityAugmentor implements SecurityIdentityAugmentor {

    @Inject
    PortalAccessConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(PortalUser.ATTRIBUTE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        PortalUser user = PeeringDbClaims.toUser(token, config.minPerms(), config.adminPeeringdbIds().orElse(Set.of()));
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(PortalUser.ATTRIBUTE, user)
                .addRole(PortalIdentities.ROLE_MEMBER);
        if (user.admin()) {
            builder.addRole(PortalIdentities.ROLE_ADMIN);
        }
        return Uni.createFrom().item(builder.build());
    }
}
