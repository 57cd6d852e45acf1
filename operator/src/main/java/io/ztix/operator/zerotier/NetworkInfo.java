package io.ztix.operator.zerotier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * A network as the controller reports it.
 *
 * @param id                16 hex digits, lower case
 * @param ipAssignmentPools ranges the controller would assign from (ZT-IX keeps this empty)
 * @param rules             the compiled flow rules as stored (a JSON array; missing when the controller sent none)
 */
public record NetworkInfo(String id, String name, boolean privateNetwork, List<Route> routes, int mtu,
                          AssignModes assignModes, List<IpRange> ipAssignmentPools, JsonNode rules, long revision) {

    public NetworkInfo {
        routes = List.copyOf(routes);
        ipAssignmentPools = List.copyOf(ipAssignmentPools);
        rules = rules == null ? MissingNode.getInstance() : rules.deepCopy();
    }

    /** One automatic-assignment pool. */
    public record IpRange(String start, String end) {
    }
}
