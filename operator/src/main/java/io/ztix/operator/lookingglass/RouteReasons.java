package io.ztix.operator.lookingglass;

import io.ztix.api.routeserver.RouteServerCommunity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the route server's own large communities (global administrator = its ASN) say about a route: the
 * reject reasons ({@code RS:1101:n}) and the RPKI state ({@code RS:1000:n}, or invalid from {@code RS:1101:13}),
 * from the one table {@link RouteServerCommunity}. Communities a member sent with the route server's ASN are
 * removed by the import filter, so what is read here was set by the route server.
 */
final class RouteReasons {

    private RouteReasons() {
    }

    static Route annotate(Route route, long routeServerAsn, boolean filtered) {
        List<Route.Reason> reasons = new ArrayList<>();
        String rpki = null;
        for (List<Long> community : route.bgp().largeCommunities()) {
            if (community.get(0) != routeServerAsn) {
                continue;
            }
            Optional<RouteServerCommunity> known = RouteServerCommunity.of(community.get(1), community.get(2));
            if (known.isEmpty()) {
                continue;
            }
            switch (known.get()) {
                case RPKI_VALID_INFO -> rpki = "valid";
                case RPKI_UNKNOWN_INFO -> rpki = "unknown";
                case RPKI_NOT_CHECKED_INFO -> rpki = "not-checked";
                default -> {
                }
            }
            if (known.get() == RouteServerCommunity.RPKI_INVALID) {
                rpki = "invalid";
            }
            if (known.get().kind() == RouteServerCommunity.Kind.FILTERED) {
                reasons.add(new Route.Reason(community, known.get().name(), known.get().meaning()));
            }
        }
        return route.annotated(filtered, rpki, reasons);
    }
}
