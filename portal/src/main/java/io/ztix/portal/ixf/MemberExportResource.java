package io.ztix.portal.ixf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.portal.kube.ResourceCache;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The public IX-F Member Export, at the two paths tools look for. */
@Path("/")
public class MemberExportResource {

    @Inject
    ResourceCache cache;

    @Inject
    IxfConfig config;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("ixf/member-export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode memberExport() {
        List<RouteServer> routeServers = cache.networks().stream()
                .flatMap(n -> cache.routeServers(n.getMetadata().getName()).stream()).toList();
        return MemberExport.build(mapper, config, cache.networks(), cache.joinRequests(), routeServers, Instant.now());
    }

    @GET
    @Path("participants.json")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode participants() {
        return memberExport();
    }
}
