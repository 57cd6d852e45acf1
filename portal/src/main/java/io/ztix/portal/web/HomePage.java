package io.ztix.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Placeholder front page until the portal issue lands: says what the portal will do. */
@Path("/")
public class HomePage {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String home() {
        return "ZT-IX portal: PeeringDB login and join requests are not available yet.\n";
    }
}
