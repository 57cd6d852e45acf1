package io.ztix.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.ztix.portal.auth.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The front page: logged-in users go to their requests. */
@Path("/")
public class HomeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    Views views;

    @Location("home.html")
    Template home;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        if (currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create("/requests")).build();
        }
        return Response.ok(views.page(home)).build();
    }
}
