package io.ztix.portal.ixf;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public IX-F Member Export, at the two paths tools look for: served from {@link CachedExport}, with an ETag
 * (If-None-Match gets 304) and a minute of caching for crawlers and proxies.
 */
@Path("/")
public class MemberExportResource {

    static final int MAX_AGE_SECONDS = 60;

    @Inject
    CachedExport export;

    @GET
    @Path("ixf/member-export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response memberExport(@HeaderParam("If-None-Match") String ifNoneMatch) {
        CachedExport.Document document = export.get();
        CacheControl caching = new CacheControl();
        caching.setMaxAge(MAX_AGE_SECONDS);
        caching.setPrivate(false);
        if (matches(ifNoneMatch, document.etag())) {
            return Response.notModified().header("ETag", document.etag()).cacheControl(caching).build();
        }
        return Response.ok(document.json(), MediaType.APPLICATION_JSON_TYPE).header("ETag", document.etag())
                .cacheControl(caching).build();
    }

    /** Whether an If-None-Match header (a list of entity tags, weak or strong, or *) names this document. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.length() > 4096) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("participants.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response participants(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return memberExport(ifNoneMatch);
    }
}
