package io.ztix.portal.auth;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A ZT-IX local account as stored (only the password hash is kept).
 *
 * @param lockedSources how many client addresses too many failed passwords have locked the account for, now
 */
public record LocalAccount(long id, String username, String displayName, String email, String passwordHash,
        boolean admin, boolean disabled, int lockedSources, OffsetDateTime lastLogin, List<NetworkAffiliation> grants) {

    /** The portal's view of this account. */
    public PortalUser toPortalUser() {
        return new PortalUser(null, username, displayName, email, false, admin, grants, List.of());
    }
}
