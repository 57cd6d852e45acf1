package io.ztix.operator.joinrequest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.routeserver.RouteServer;
import java.util.List;
import java.util.Objects;

/**
 * Which RouteServer updates concern the JoinRequests of its network: what {@link RouteServerProgress} reads
 * (the sessions of the configuration BIRD runs, the members' paths: their hash, as the status lists only a part of
 * them above 100 members) and the spec. Conditions, messages ("waiting
 * for the apply interval"), health and route counters do not, so a route server's status patch does not reconcile every
 * request of the network.
 */
final class RouteServerChanges {

    private static final List<String> COUNTERS = List.of("imported", "filtered", "exported");

    private RouteServerChanges() {
    }

    static boolean mattersToRequests(RouteServer now, RouteServer before) {
        return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
                || !Objects.equals(hash(now), hash(before))
                || !Objects.equals(peers(now), peers(before))
                || !Objects.equals(paths(now), paths(before));
    }

    /**
     * The sessions without their route counters: those change with every poll somewhere on a busy exchange (each
     * member's exported count moves whenever any member's routes do), and reconciling (and writing) every request
     * of the network for that would cost one write per member per poll. A request copies the counters when it is
     * reconciled anyway (at the latest after the resync interval).
     */
    private static String peers(RouteServer rs) {
        if (rs.getStatus() == null) {
            return "";
        }
        ArrayNode peers = Serialization.jsonMapper().valueToTree(rs.getStatus().peers);
        peers.forEach(peer -> ((ObjectNode) peer).remove(COUNTERS));
        return peers.toString();
    }

    /** Over every member's sessions and paths, listed in the status or not (above 100 members only a part is). */
    private static String hash(RouteServer rs) {
        return rs.getStatus() == null ? null : rs.getStatus().memberDetailHash;
    }

    private static String paths(RouteServer rs) {
        return rs.getStatus() == null ? "" : Serialization.asJson(rs.getStatus().memberPaths);
    }
}
