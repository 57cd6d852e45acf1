package io.ztix.operator.routeserver;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.AspaPolicy;
import io.ztix.operator.bird.BirdConfigRenderer;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.bird.RenderedConfig;
import io.ztix.operator.bird.RouteServerConfig;
import io.ztix.operator.irr.IrrRegistry;
import io.ztix.operator.routeserver.RouteServerCycle.Planned;
import io.ztix.operator.routeserver.rpki.NewMemberHold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a route server should run: the network's members (new ones held while RPKI is not in sync), rendered
 * for the BIRD version the route server reported, with the members' IRR lists; and whether that BIRD can run the
 * spec's policy at all.
 */
final class RouteServerPlanner {

    private final BirdConfigRenderer renderer;
    private final IrrRegistry irr;

    RouteServerPlanner(BirdConfigRenderer renderer, IrrRegistry irr) {
        this.renderer = renderer;
        this.irr = irr;
    }

    /** The desired configuration, rendered for {@link #renderedFor(RouteServer)}. */
    Planned plan(RouteServer routeServer, List<JoinRequest> requests) {
        BirdVersion version = renderedFor(routeServer);
        IrrPlan irrPlan = IrrPlan.of(routeServer, requests, irr);
        DesiredConfig desired = DesiredConfig.of(routeServer, requests, irrPlan.filters());
        Set<String> members = new TreeSet<>();
        desired.sessionsByProtocol().values().forEach(p -> members.add(p.joinRequest));
        Set<String> held = NewMemberHold.heldMembers(routeServer, members);
        RouteServerConfig model = desired.model().withHeldMembers(held);
        Optional<String> unsupported = model.policy().unsupportedOn(version);
        // refused: rendered without what this BIRD lacks, only to read BIRD (RTR protocols); never applied
        RenderedConfig rendered = renderer.renderParts(unsupported.isEmpty() ? model
                : model.withPolicy(model.policy().withAspa(AspaPolicy.Off)), version);
        Map<String, PeerStatus> sessions = new LinkedHashMap<>(desired.sessionsByProtocol());
        Map<String, String> memberOf = new LinkedHashMap<>();
        sessions.forEach((protocol, peer) -> {
            memberOf.put(protocol, peer.joinRequest);
            if (held.contains(peer.joinRequest)) {
                peer.held = true;
            }
        });
        return new Planned(desired, rendered, sessions, memberOf, held, version, unsupported, irrPlan);
    }

    /**
     * The BIRD version to render for: the one the route server reported last (status.birdVersion), or before it was
     * ever observed (or while it runs one that is refused) the oldest supported, which every supported version parses.
     */
    static BirdVersion renderedFor(RouteServer routeServer) {
        String reported = routeServer.getStatus() == null ? null : routeServer.getStatus().birdVersion;
        if (reported != null) {
            try {
                BirdVersion version = BirdVersion.parse(reported);
                if (version.isSupported()) {
                    return version;
                }
            } catch (IllegalArgumentException e) {
                // a status edited by hand: fall back to the oldest supported version
            }
        }
        return BirdVersion.OLDEST_SUPPORTED;
    }
}
