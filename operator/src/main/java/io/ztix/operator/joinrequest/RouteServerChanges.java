package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.routeserver.RouteServer;
import java.util.Objects;

/**
 * Which RouteServer updates concern the JoinRequests of its network: what {@link RouteServerProgress} reads
 * (the sessions of the configuration BIRD runs, the members' paths) and the spec. Conditions, messages ("waiting
 * for the apply interval"), health and counters do not, so a route server's status patch does not reconcile every
 * request of the network.
 */
final class RouteServerChanges {

    private RouteServerChanges() {
    }

    static boolean mattersToRequests(RouteServer now, RouteServer before) {
        return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
                || !Objects.equals(peers(now), peers(before))
                || !Objects.equals(paths(now), paths(before));
    }

    private static String peers(RouteServer rs) {
        return rs.getStatus() == null ? "" : Serialization.asJson(rs.getStatus().peers);
    }

    private static String paths(RouteServer rs) {
        return rs.getStatus() == null ? "" : Serialization.asJson(rs.getStatus().memberPaths);
    }
}
