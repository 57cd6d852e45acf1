package io.ztix.portal.auth;

import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.ext.web.RoutingContext;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.audit.FailureAggregator;
import io.ztix.portal.proxy.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Records PeeringDB logins (user row + audit) and failed PeeringDB logins (aggregated). */
@ApplicationScoped
public class LoginEvents {

    private static final Logger LOG = Logger.getLogger(LoginEvents.class);

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    FailureAggregator failures;

    @Inject
    ClientAddresses clientAddresses;

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

    /**
     * Audits failed PeeringDB logins, aggregated. Not every failure event is one: the redirect to PeeringDB is
     * signalled as an {@link AuthenticationRedirectException}, and a session cookie that does not decrypt or has
     * expired is not a login attempt (anyone can send one with every request). Only a callback from the provider
     * (code, state or error on /auth/peeringdb) that fails is a failed login. Local logins audit themselves.
     */
    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        Throwable failure = event.getAuthenticationFailure();
        if (failure instanceof AuthenticationRedirectException || (failure != null && failure.getMessage() != null
                && failure.getMessage().startsWith(LocalPasswordIdentityProvider.FAILURE_PREFIX))) {
            return;
        }
        RoutingContext http = event.getEventProperties() == null ? null
                : (RoutingContext) event.getEventProperties().get(RoutingContext.class.getName());
        if (!isPeeringDbCallback(http)) {
            LOG.debugf("authentication failed outside a login (e.g. a stale or forged session cookie): %s",
                    failure == null ? "unknown" : failure.getClass().getSimpleName());
            return;
        }
        String reason = failure == null ? "unknown" : failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        failures.failure("anonymous", "login.failure", "peeringdb", reason, clientAddresses.of(http));
    }

    static boolean isPeeringDbCallback(RoutingContext http) {
        return http != null && http.request() != null && "/auth/peeringdb".equals(http.request().path())
                && (http.request().getParam("code") != null || http.request().getParam("state") != null
                        || http.request().getParam("error") != null);
    }
}
