package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.ZeroTierPath;
import java.util.ArrayList;
import java.util.List;

/** This member as seen on one route server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteServerEntry {

    @JsonPropertyDescription("RouteServer name.")
    public String name;

    @JsonPropertyDescription("True once the route server runs a configuration that contains this member.")
    public Boolean configured;

    @JsonPropertyDescription("BGP sessions of this member on that route server.")
    public List<PeerStatus> sessions = new ArrayList<>();

    @JsonPropertyDescription("How that route server's ZeroTier node reaches this member's node.")
    public ZeroTierPath path;
}
