package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.JoinRequest;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * What one request's reconciliation needs of the other requests of its network, read from the cache's indexes
 * instead of a list of the whole network: the requests naming the same node (for node ownership) and a look-up of
 * one request of the network by name (to tell whether an address reservation is settled). At 10,000 members a
 * list of the network per reconciliation, filtered or turned into a map, made every reconciliation cost
 * O(members) and a burst O(members²).
 */
final class NetworkPeers {

    static final NetworkPeers NONE = new NetworkPeers(List.of(), name -> null);

    private final Collection<JoinRequest> sameNode;
    private final Function<String, JoinRequest> byName;

    /**
     * @param sameNode the requests of the network whose node is the request's (the request itself may be among them)
     * @param byName   the request of the network with that name, or null
     */
    NetworkPeers(Collection<JoinRequest> sameNode, Function<String, JoinRequest> byName) {
        this.sameNode = sameNode;
        this.byName = byName;
    }

    Collection<JoinRequest> sameNode() {
        return sameNode;
    }

    /** The request of the network with this name, or null. */
    JoinRequest named(String name) {
        return name == null ? null : byName.apply(name);
    }
}
