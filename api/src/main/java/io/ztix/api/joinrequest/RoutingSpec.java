package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the member itself chooses to receive from the route servers. It only ever affects what this member is sent,
 * so the member may change it at any time (portal or kubectl), without a new approval.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RoutingSpec {

    @JsonPropertyDescription("Receive other members' RFC 7999 blackhole routes (BLACKHOLE, 65535:666; their next hop "
            + "is the IX's blackhole address) where the route server accepts blackholing. Default false: such routes "
            + "are not sent to this member. The member's own choice; changing it needs no new approval.")
    public Boolean acceptBlackholes;

    public RoutingSpec() {
    }

    public RoutingSpec(Boolean acceptBlackholes) {
        this.acceptBlackholes = acceptBlackholes;
    }

    /** Whether the member asked for blackhole routes (null spec or field: no). */
    public static boolean acceptsBlackholes(RoutingSpec routing) {
        return routing != null && Boolean.TRUE.equals(routing.acceptBlackholes);
    }
}
