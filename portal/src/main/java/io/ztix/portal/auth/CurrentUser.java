package io.ztix.portal.auth;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The portal user of the current request; also reachable from templates as {@code inject:currentUser}. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public PortalUser get() {
        return PortalIdentities.user(identity);
    }

    public boolean isLoggedIn() {
        return get() != null;
    }

    public boolean isAdmin() {
        PortalUser user = get();
        return user != null && user.admin();
    }

    /** The user, or 401 (which the error mapper turns into a redirect to the login page). */
    public PortalUser require() {
        PortalUser user = get();
        if (user == null) {
            throw new UnauthorizedException();
        }
        return user;
    }

    public PortalUser requireAdmin() {
        PortalUser user = require();
        if (!user.admin()) {
            throw new ForbiddenException("admins only");
        }
        return user;
    }
}
