package io.ztix.operator.zerotier;

import java.util.List;

/**
 * A network as the controller reports it.
 *
 * @param id                16 hex digits, lower case
 * @param ipAssignmentPools ranges the controller would assign from (ZT-IX keeps this empty)
 */
public record NetworkInfo(String id, String name, boolean privateNetwork, List<Route> routes, int mtu,
                          AssignModes assignModes, List<IpRange> ipAssignmentPools, long revision) {

    public NetworkInfo {
        routes = List.copyOf(routes);
        ipAssignmentPools = List.copyOf(ipAssignmentPools);
    }

    /** One automatic-assignment pool. */
    public record IpRange(String start, String end) {
    }
}
