package io.ztix.portal.auth;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.ztix.portal.audit.AuditLog;
import io.ztix.portal.web.Views;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Login page (PeeringDB or local account), the PeeringDB landing point, the not-eligible page, logout. */
@Path("/")
@Blocking
public class LoginResource {

    /** The OIDC session cookie of the default tenant (its value is the server-side session id). */
    static final String OIDC_SESSION_COOKIE = "q_session";

    @Inject
    CurrentUser currentUser;

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<OidcSession> oidcSession;

    @Inject
    AuditLog audit;

    @Inject
    SessionStore sessions;

    @Inject
    RoutingContext routingContext;

    @Inject
    Views views;

    @Location("login.html")
    Template login;

    @Location("not-eligible.html")
    Template notEligible;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("loggedOut") boolean loggedOut) {
        return views.page(login).data("error", error).data("loggedOut", loggedOut);
    }

    /** Reached only through the OIDC code flow (see quarkus.http.auth.permission.peeringdb). */
    @GET
    @Path("auth/peeringdb")
    public Response afterPeeringDbLogin() {
        PortalUser user = currentUser.require();
        return Response.seeOther(URI.create(user.eligible().isEmpty() ? "/not-eligible" : "/requests")).build();
    }

    @GET
    @Path("not-eligible")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance notEligible() {
        return views.page(notEligible).data("user", currentUser.require());
    }

    @POST
    @Path("logout")
    public Response logout() {
        PortalUser user = currentUser.get();
        if (user != null) {
            audit.record(user.actor(), "logout", user.isLocal() ? user.localUser() : String.valueOf(user.peeringdbId()), null);
        }
        if (identity.getPrincipal() instanceof JsonWebToken && oidcSession.isResolvable()) {
            // end the server-side session first: a copy of the cookie must not outlive the logout
            Cookie session = routingContext.request().getCookie(OIDC_SESSION_COOKIE);
            sessions.end(session == null ? null : session.getValue());
            oidcSession.get().logout().await().indefinitely();
        }
        if (user != null && user.isLocal()) {
            sessions.end(PortalIdentities.localSessionId(identity));
            FormAuthenticationMechanism.logout(routingContext);
        }
        return Response.seeOther(URI.create("/login?loggedOut=true")).build();
    }
}
