package io.ztix.portal.i18n;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;

/** The language switcher: remembers the choice in a cookie and goes back to the page the user was on. */
@Path("/lang")
public class LanguageResource {

    @GET
    @Path("{tag}")
    public Response choose(@PathParam("tag") String tag, @HeaderParam("Referer") String referer) {
        Languages.Language language = Languages.byTag(tag).orElseThrow(NotFoundException::new);
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(language.tag()).path("/")
                .maxAge(365 * 24 * 3600).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(sameSitePath(referer))).cookie(cookie).build();
    }

    /** Only the path and query of the referring page, so the switcher can never redirect elsewhere. */
    static String sameSitePath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = new URI(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/lang/")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
