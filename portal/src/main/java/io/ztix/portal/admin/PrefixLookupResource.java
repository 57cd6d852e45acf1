package io.ztix.portal.admin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.ztix.addressing.IpLiterals;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.portal.auth.CurrentUser;
import io.ztix.portal.i18n.AdminMessages;
import io.ztix.portal.i18n.RequestLanguage;
import io.ztix.portal.i18n.RouteMessages;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.lookingglass.CommunityText;
import io.ztix.portal.lookingglass.LookingGlassClient;
import io.ztix.portal.lookingglass.RoutePage;
import io.ztix.portal.requests.RoutesResource;
import io.ztix.portal.web.Views;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The admins' prefix lookup ("which member announces 193.0.10.0/24, and is it accepted?"): every route server's
 * routes for exactly that network, accepted and filtered, from the operator's looking glass, with the member each
 * came from and why a filtered one was filtered. A route server the looking glass cannot answer for is named, and the
 * others are still shown. Admins only; members see their own sessions on their request pages.
 */
@Path("/admin/prefix")
@RolesAllowed("admin")
@Blocking
public class PrefixLookupResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    ResourceCache cache;

    @Inject
    LookingGlassClient lookingGlass;

    @Inject
    RequestLanguage language;

    @Inject
    Views views;

    @Location("admin/prefix.html")
    Template page;

    /** One route: where it is, whose it is, and what the route server made of it. */
    public record Row(String routeServer, Long memberAsn, String joinRequest, String network, String asPath,
            String nextHop, boolean filtered, String rpki, List<String> reasons) {
    }

    /** A route server's routes for the prefix: the first page, and how many there are in all. */
    public record Found(String routeServer, List<Row> rows, int total) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance lookup(@QueryParam("prefix") String prefix) {
        currentUser.requireAdmin();
        String asked = prefix == null ? "" : prefix.strip();
        TemplateInstance view = views.page(page).data("prefix", asked);
        if (asked.isEmpty()) {
            return view.data("error", null).data("found", List.of()).data("unavailable", List.of()).data("looked", false);
        }
        String network;
        try {
            network = IpLiterals.network(asked);
        } catch (IllegalArgumentException e) {
            return view.data("error", language.messages(AdminMessages.class).prefix_invalid(e.getMessage()))
                    .data("found", List.of()).data("unavailable", List.of()).data("looked", false);
        }
        RouteMessages msg = language.messages(RouteMessages.class);
        List<Found> found = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (ZtNetwork lan : cache.networks()) {
            for (RouteServer routeServer : cache.routeServers(lan.getMetadata().getName())) {
                String name = routeServer.getMetadata().getName();
                try {
                    RoutePage answer = lookingGlass.prefix(routeServer.getMetadata().getNamespace(), name, network, 0);
                    if (!answer.routes().isEmpty()) {
                        found.add(new Found(name, answer.routes().stream().map(r -> row(routeServer, r, msg)).toList(),
                                answer.totalResults()));
                    }
                } catch (LookingGlassClient.Unavailable e) {
                    unavailable.add(name);
                }
            }
        }
        return view.data("error", null).data("network", network).data("found", found).data("unavailable", unavailable)
                .data("looked", true);
    }

    /**
     * The member a route came from: its session as the RouteServer's status lists it, or (above 100 members the status
     * lists only the sessions that need attention) read from the protocol name, {@code m_as<ASN>_<node>_<v4|v6>}, whose
     * JoinRequest is {@code <network>-as<ASN>-<node>}.
     */
    private static Row row(RouteServer routeServer, RoutePage.RouteLine route, RouteMessages msg) {
        Optional<PeerStatus> peer = routeServer.getStatus() == null ? Optional.empty() : routeServer.getStatus().peers
                .stream().filter(p -> p.protocol != null && Objects.equals(p.protocol, route.fromProtocol())).findFirst();
        if (peer.isEmpty()) {
            peer = fromProtocolName(routeServer.getSpec().networkRef, route.fromProtocol());
        }
        return new Row(routeServer.getMetadata().getName(), peer.map(p -> p.asn).orElse(null),
                peer.map(p -> p.joinRequest).orElse(route.fromProtocol()), route.network(), route.asPath(), route.nextHop(),
                route.filtered(), RoutesResource.rpki(route.rpki(), msg),
                route.reasons().stream().map(c -> CommunityText.of(c, msg)).toList());
    }

    private static final java.util.regex.Pattern MEMBER_PROTOCOL =
            java.util.regex.Pattern.compile("m_as(\\d{1,10})_([0-9a-f]{10})_(v4|v6)");

    static Optional<PeerStatus> fromProtocolName(String network, String protocol) {
        java.util.regex.Matcher name = protocol == null ? null : MEMBER_PROTOCOL.matcher(protocol);
        if (name == null || !name.matches()) {
            return Optional.empty();
        }
        PeerStatus peer = new PeerStatus();
        peer.protocol = protocol;
        peer.asn = Long.parseLong(name.group(1));
        peer.joinRequest = network + "-as" + name.group(1) + "-" + name.group(2);
        return Optional.of(peer);
    }
}
