package io.ztix.operator.zerotier;

import java.util.List;

/**
 * A network member as the controller reports it.
 *
 * @param nodeId   10 hex digits, lower case
 * @param name     null when the controller holds none
 * @param revision controller-side revision; unchanged by a write that changed nothing
 */
public record Member(String nodeId, boolean authorized, List<String> ipAssignments, boolean noAutoAssignIps,
                     String name, long revision) {

    public Member {
        ipAssignments = List.copyOf(ipAssignments);
    }
}
