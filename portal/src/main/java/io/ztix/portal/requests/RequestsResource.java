package io.ztix.portal.requests;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.portal.auth.CurrentUser;
import io.ztix.portal.auth.PortalUser;
import io.ztix.portal.i18n.ErrorMessages;
import io.ztix.portal.i18n.MessageKeys;
import io.ztix.portal.i18n.RequestLanguage;
import io.ztix.portal.i18n.RequestMessages;
import io.ztix.portal.i18n.StatusMessages;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.notifications.NotificationWatcher;
import io.ztix.portal.peeringdb.NetworkFacts;
import io.ztix.portal.peeringdb.PeeringDbUnavailable;
import io.ztix.portal.web.Refused;
import io.ztix.portal.web.Views;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The member's pages: list, new request (form, review, submit), detail with router instructions, withdraw. */
@Path("/requests")
@Authenticated
@Blocking
public class RequestsResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    JoinRequestService service;

    @Inject
    ResourceCache cache;

    @Inject
    RequestLanguage language;

    @Inject
    Views views;

    @Inject
    NotificationWatcher notifications;

    @Location("requests/list.html")
    Template list;

    @Location("requests/new.html")
    Template newForm;

    @Location("requests/review.html")
    Template review;

    @Location("requests/detail.html")
    Template detail;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("withdrawn") boolean withdrawn) {
        PortalUser user = currentUser.require();
        return views.page(list).data("user", user).data("requests", views(user)).data("withdrawn", withdrawn);
    }

    /** Live status of the user's requests, polled by the pages; served from the informer cache. */
    @GET
    @Path("status.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        PortalUser user = currentUser.require();
        return Map.of("requests", views(user));
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newRequest() {
        PortalUser user = currentUser.require();
        return form(user, null, null, null);
    }

    @POST
    @Path("review")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance review(@RestForm String asn, @RestForm String networkRef, @RestForm String nodeId,
            @RestForm boolean acceptBlackholes) {
        PortalUser user = currentUser.require();
        NewRequest request = new NewRequest(Asns.parse(asn).orElse(0), networkRef, nodeId, acceptBlackholes);
        if (request.asn() == 0) {
            return form(user, request, language.messages(ErrorMessages.class).error_asn_text(), null);
        }
        try {
            NetworkFacts facts = service.check(user, request);
            return views.page(review).data("asn", request.asn()).data("networkRef", networkRef)
                    .data("nodeId", NodeIds.normalize(nodeId)).data("acceptBlackholes", acceptBlackholes)
                    .data("facts", facts);
        } catch (InvalidRequest e) {
            return form(user, request, explain(e), null);
        } catch (NodeIdTaken e) {
            return nodeIdTaken(user, request, e);
        } catch (PeeringDbUnavailable e) {
            return form(user, request, language.messages(ErrorMessages.class).error_peeringdb_unavailable(), null);
        }
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Object create(@RestForm String asn, @RestForm String networkRef, @RestForm String nodeId,
            @RestForm boolean acceptBlackholes) {
        PortalUser user = currentUser.require();
        NewRequest request = new NewRequest(Asns.parse(asn).orElse(0), networkRef, nodeId, acceptBlackholes);
        if (request.asn() == 0) {
            return form(user, request, language.messages(ErrorMessages.class).error_asn_text(), null);
        }
        try {
            JoinRequest created = service.create(user, request);
            notifications.submittedIn(created.getMetadata().getName(), language.tag());
            return Response.seeOther(URI.create("/requests/" + created.getMetadata().getName() + "?created=true")).build();
        } catch (InvalidRequest e) {
            return form(user, request, explain(e), null);
        } catch (DuplicateRequest e) {
            return form(user, request, language.messages(RequestMessages.class).duplicate(), e.existingName());
        } catch (NodeIdTaken e) {
            return nodeIdTaken(user, request, e);
        } catch (PeeringDbUnavailable e) {
            return form(user, request, language.messages(ErrorMessages.class).error_peeringdb_unavailable(), null);
        }
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("name") String name, @QueryParam("created") boolean created,
            @QueryParam("choiceSaved") boolean choiceSaved) {
        PortalUser user = currentUser.require();
        JoinRequest jr = service.find(user, name).orElseThrow(NotFoundException::new);
        RequestView view = RequestViews.of(jr, language.messages(StatusMessages.class), user.admin());
        List<RouterInstructions.Neighbor> neighbors = RouterInstructions.neighbors(cache.routeServers(view.networkRef()));
        Optional<ZtNetwork> network = cache.network(view.networkRef());
        String networkId = network.map(RequestsResource::networkId).orElse(null);
        boolean ipv4 = view.ipv4() != null;
        return views.page(detail).data("r", view).data("created", created).data("choiceSaved", choiceSaved)
                .data("networkId", networkId)
                .data("held", jr.getSpec().approval == null && JoinRequest.heldForAdmin(jr) != null)
                .data("mayWithdraw", service.mayWithdraw(user, jr))
                .data("mayChoose", service.mayChooseFor(user, jr))
                .data("lan", RouterInstructions.Lan.of(network))
                .data("neighbors", neighbors)
                .data("bird", RouterInstructions.bird(view.asn(), ipv4, neighbors))
                .data("frr", RouterInstructions.frr(view.asn(), ipv4, neighbors))
                .data("routeSessions", RoutesResource.sessions(jr));
    }

    @POST
    @Path("{name}/withdraw")
    public Response withdraw(@PathParam("name") String name) {
        PortalUser user = currentUser.require();
        return switch (service.withdraw(user, name)) {
            case WITHDRAWN -> Response.seeOther(URI.create("/requests?withdrawn=true")).build();
            case NOT_PERMITTED -> throw new Refused(language.messages(RequestMessages.class).withdraw_needs_delete());
            case NOT_FOUND -> throw new NotFoundException();
        };
    }

    /** The member's own choice of receiving blackhole routes; needs no new approval. */
    @POST
    @Path("{name}/blackholes")
    public Response blackholes(@PathParam("name") String name, @RestForm boolean acceptBlackholes) {
        PortalUser user = currentUser.require();
        return switch (service.setAcceptBlackholes(user, name, acceptBlackholes)) {
            case SAVED -> Response.seeOther(URI.create("/requests/" + name + "?choiceSaved=true")).build();
            case NOT_PERMITTED -> throw new Refused(language.messages(RequestMessages.class).blackholes_not_yours());
            case NOT_FOUND -> throw new NotFoundException();
        };
    }

    /** The ZeroTier network ID: as recorded in status, else as adopted in spec. */
    private static String networkId(ZtNetwork network) {
        if (network.getStatus() != null && network.getStatus().networkId != null) {
            return network.getStatus().networkId;
        }
        return network.getSpec() == null ? null : network.getSpec().networkId;
    }

    private List<RequestView> views(PortalUser user) {
        StatusMessages msg = language.messages(StatusMessages.class);
        return service.visibleTo(user).stream().map(r -> RequestViews.of(r, msg, user.admin())).toList();
    }

    private TemplateInstance form(PortalUser user, NewRequest request, String error, String duplicate) {
        return views.page(newForm).data("user", user).data("networks", service.openNetworks(user))
                .data("error", error).data("duplicate", duplicate)
                .data("asn", request == null ? null : request.asn())
                .data("networkRef", request == null ? null : request.networkRef())
                .data("nodeId", request == null ? null : request.nodeId())
                .data("acceptBlackholes", request != null && request.acceptBlackholes());
    }

    private TemplateInstance nodeIdTaken(PortalUser user, NewRequest request, NodeIdTaken e) {
        ErrorMessages msg = language.messages(ErrorMessages.class);
        return e.visibleHolder() == null ? form(user, request, msg.error_node_id_taken(), null)
                : form(user, request, msg.error_node_id_yours(), e.visibleHolder());
    }

    private String explain(InvalidRequest e) {
        ErrorMessages msg = language.messages(ErrorMessages.class);
        if (e.detail() != null) {
            String withDetail = MessageKeys.text(msg, e.messageKey(), e.detail(), null);
            if (withDetail != null) {
                return withDetail;
            }
        }
        String text = MessageKeys.text(msg, e.messageKey(), e.getMessage());
        return e.detail() == null ? text : text + " (" + e.detail() + ")";
    }
}
