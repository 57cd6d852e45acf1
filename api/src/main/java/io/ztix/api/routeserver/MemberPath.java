package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One member node's ZeroTier path as the route server sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberPath {

    @JsonPropertyDescription("The member's ZeroTier node ID.")
    public String nodeId;

    @JsonPropertyDescription("Name of the JoinRequest of that node.")
    public String joinRequest;

    @JsonPropertyDescription("The path from the route server's node to the member's node.")
    public ZeroTierPath path;
}
