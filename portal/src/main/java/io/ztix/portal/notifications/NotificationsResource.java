package io.ztix.portal.notifications;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.ztix.portal.auth.CurrentUser;
import io.ztix.portal.web.Views;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For admins: every notification the portal sent or tries to send, with its delivery state and last error. */
@Path("/admin/notifications")
@RolesAllowed("admin")
@Blocking
public class NotificationsResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    Outbox outbox;

    @Inject
    Views views;

    @Location("admin/notifications.html")
    Template page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        currentUser.requireAdmin();
        return views.page(page).data("deliveries", outbox.recent(300));
    }
}
