package io.ztix.portal.auth;

import java.time.OffsetDateTime;
import java.util.List;

/** A ZT-IX local account as stored (only the password hash is kept). */
public record LocalAccount(long id, String username, String displayName, String email, String passwordHash,
        boolean admin, boolean disabled, int failedAttempts, OffsetDateTime lockedUntil, OffsetDateTime lastLogin,
        List<NetworkAffiliation> grants) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The portal's view of this account. */
    public PortalUser toPortalUser() {
        return new PortalUser(null, username, displayName, email, false, admin, grants, List.of());
    }
}
