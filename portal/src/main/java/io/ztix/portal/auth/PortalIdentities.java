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

    /** What the local-session cookie carries as principal: the server-side session id, not the user name. */
    static final String SESSION_PREFIX = "session:";

    /** The identity of a local account in the session {@code sessionId} (the cookie stores the session id). */
    public static SecurityIdentity forLocal(LocalAccount account, String sessionId) {
        PortalUser user = account.toPortalUser();
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(SESSION_PREFIX + sessionId))
                .addAttribute(PortalUser.ATTRIBUTE, user)
                .addRole(ROLE_MEMBER);
        if (user.admin()) {
            builder.addRole(ROLE_ADMIN);
        }
        return builder.build();
    }

    /** The local session id of an identity, or null for any other identity. */
    public static String localSessionId(SecurityIdentity identity) {
        String name = identity == null || identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        return name != null && name.startsWith(SESSION_PREFIX) ? name.substring(SESSION_PREFIX.length()) : null;
    }

    public static PortalUser user(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(PortalUser.ATTRIBUTE);
    }
}
