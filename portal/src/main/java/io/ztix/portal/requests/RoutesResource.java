package io.ztix.portal.requests;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.portal.auth.CurrentUser;
import io.ztix.portal.i18n.RequestLanguage;
import io.ztix.portal.i18n.RouteMessages;
import io.ztix.portal.lookingglass.CommunityText;
import io.ztix.portal.lookingglass.LookingGlassClient;
import io.ztix.portal.lookingglass.RoutePage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The routes of one of a request's sessions (route server, family; accepted or filtered) as an HTML fragment the
 * request page loads: prefix, AS path, next hop, RPKI state and every reject reason in the member's language. Who
 * may see the request may see its routes; nobody else (404, as for the request). Only sessions the request's own
 * status lists are asked for, so no parameter can name another member's session.
 */
@Path("/requests/{name}/routes")
@Authenticated
@Blocking
public class RoutesResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    JoinRequestService service;

    @Inject
    LookingGlassClient lookingGlass;

    @Inject
    RequestLanguage language;

    @Location("lookingglass/routes.html")
    Template routes;

    /** One row as the member reads it. */
    public record RouteRow(String network, String asPath, String nextHop, String rpki, List<String> reasons) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance routes(@PathParam("name") String name, @QueryParam("rs") String routeServer,
            @QueryParam("family") String family, @QueryParam("filtered") boolean filtered, @QueryParam("page") int page) {
        JoinRequest request = service.find(currentUser.require(), name).orElseThrow(NotFoundException::new);
        PeerStatus session = session(request, routeServer, family).orElseThrow(NotFoundException::new);
        RouteMessages msg = language.messages(RouteMessages.class);
        TemplateInstance view = routes.data("name", name).data("rs", routeServer).data("family", family)
                .data("filtered", filtered);
        try {
            RoutePage answer = lookingGlass.routes(request.getMetadata().getNamespace(), routeServer, session.protocol,
                    filtered, Math.max(0, page));
            List<RouteRow> rows = answer.routes().stream().map(r -> new RouteRow(r.network(), r.asPath(), r.nextHop(),
                    rpki(r.rpki(), msg), r.reasons().stream().map(c -> CommunityText.of(c, msg)).toList())).toList();
            return view.data("rows", rows).data("page", answer.page()).data("shownPage", answer.page() + 1)
                    .data("pages", answer.totalPages()).data("total", answer.totalResults()).data("error", null)
                    .data("previous", answer.page() > 0 ? answer.page() - 1 : null)
                    .data("next", answer.page() + 1 < answer.totalPages() ? answer.page() + 1 : null);
        } catch (LookingGlassClient.Unavailable e) {
            return view.data("rows", List.of()).data("page", 0).data("shownPage", 0).data("pages", 0).data("total", 0)
                    .data("error", msg.routes_unavailable()).data("previous", null).data("next", null);
        }
    }

    /** A session of the request on a route server, for the request page's routes section. */
    public record RouteSession(String routeServer, String family, Integer imported, Integer filtered, Integer exported,
            String state) {
    }

    /** The request's sessions as its own status lists them (route server by name, then family). */
    static List<RouteSession> sessions(JoinRequest request) {
        if (request.getStatus() == null) {
            return List.of();
        }
        return request.getStatus().routeServers.stream().flatMap(e -> e.sessions.stream().filter(s -> s.protocol != null)
                .map(s -> new RouteSession(e.name, s.family, s.imported, s.filtered, s.exported, s.state))).toList();
    }

    private static java.util.Optional<PeerStatus> session(JoinRequest request, String routeServer, String family) {
        if (request.getStatus() == null || routeServer == null || family == null) {
            return java.util.Optional.empty();
        }
        return request.getStatus().routeServers.stream().filter(e -> routeServer.equals(e.name))
                .flatMap((RouteServerEntry e) -> e.sessions.stream()).filter(s -> family.equals(s.family) && s.protocol != null)
                .findFirst();
    }

    /** An RPKI state of the looking glass in the reader's words. */
    public static String rpki(String state, RouteMessages msg) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "valid" -> msg.routes_rpki_valid();
            case "invalid" -> msg.routes_rpki_invalid();
            case "unknown" -> msg.routes_rpki_unknown();
            default -> msg.routes_rpki_not_checked();
        };
    }
}
