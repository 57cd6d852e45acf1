package io.ztix.portal.auth;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.ztix.portal.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Records PeeringDB logins (user row + audit) and failed logins that no other code audited. */
@ApplicationScoped
public class LoginEvents {

    private static final Logger LOG = Logger.getLogger(LoginEvents.class);

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    void onOidc(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN || event.getSecurityIdentity() == null) {
            return;
        }
        PortalUser user = PortalIdentities.user(event.getSecurityIdentity());
        if (user == null || user.peeringdbId() == null) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into portal_user (peeringdb_id, name, email) values (?, ?, ?) on conflict (peeringdb_id) "
                        + "do update set name = excluded.name, email = excluded.email, last_login = now()")) {
            ps.setLong(1, user.peeringdbId());
            ps.setString(2, user.name());
            ps.setString(3, user.email());
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not record the login of PeeringDB user %d: %s", user.peeringdbId(), e.getMessage());
        }
        audit.record(user.actor(), "login.success", String.valueOf(user.peeringdbId()),
                "PeeringDB; verified=" + user.verified() + "; eligible ASNs=" + user.asns());
    }

    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        Throwable failure = event.getAuthenticationFailure();
        if (failure != null && failure.getMessage() != null
                && failure.getMessage().startsWith(LocalPasswordIdentityProvider.FAILURE_PREFIX)) {
            return;
        }
        String message = failure == null ? "unknown" : failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        audit.record("anonymous", "login.failure", "peeringdb", message.length() > 500 ? message.substring(0, 500) : message);
    }
}
