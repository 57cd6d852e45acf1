package io.ztix.portal.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds and reads the portal's security identities. */
public final class PortalIdentities {

    public static final String ROLE_MEMBER = "member";
    public static final String ROLE_ADMIN = "admin";

    private PortalIdentities() {
    }

    public static SecurityIdentity forLocal(LocalAccount account) {
        PortalUser user = account.toPortalUser();
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addAttribute(PortalUser.ATTRIBUTE, user)
                .addRole(ROLE_MEMBER);
        if (user.admin()) {
            builder.addRole(ROLE_ADMIN);
        }
        return builder.build();
    }

    public static PortalUser user(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(PortalUser.ATTRIBUTE);
    }
}
