package io.ztix.portal.lookingglass;

import io.ztix.api.routeserver.RouteServerCommunity;
import java.util.List;

/**
 * One page of a member session's routes as the operator's looking glass answers it.
 *
 * @param routes       the routes of this page
 * @param page         its number, from 0
 * @param totalPages   how many pages there are
 * @param totalResults how many routes there are
 */
public record RoutePage(List<RouteLine> routes, int page, int totalPages, int totalResults) {

    /**
     * A route: prefix, AS path, next hop, RPKI state ({@code valid}, {@code invalid}, {@code unknown},
     * {@code not-checked} or null), the reject reasons the route server tagged it with, the BIRD protocol (member
     * session) it came from and whether the route server keeps it as filtered.
     */
    public record RouteLine(String network, String asPath, String nextHop, String rpki, List<RouteServerCommunity> reasons,
            List<String> largeCommunities, String fromProtocol, boolean filtered) {
    }
}
