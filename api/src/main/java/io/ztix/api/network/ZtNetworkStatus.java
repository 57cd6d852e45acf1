package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ztix.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ZtNetworkStatus {

    @JsonPropertyDescription("metadata.generation last acted on.")
    public Long observedGeneration;

    @JsonPropertyDescription("The ZeroTier network ID in use (adopted or created).")
    public String networkId;

    @JsonPropertyDescription("Address (10 hex digits) of the self-hosted controller node.")
    public String controllerAddress;

    @JsonPropertyDescription("Number of members on the controller.")
    public Integer members;

    @JsonPropertyDescription("When ZT-IX last created the network on the controller (RFC 3339). A change tells "
            + "every JoinRequest of the network to re-create its member (e.g. after a controller was replaced).")
    public String createdOnController;

    @JsonPropertyDescription("The flow rules ZT-IX keeps on the network (see condition FabricRulesApplied).")
    public FabricStatus fabric;

    @JsonPropertyDescription("Address allocation state. Numbers handed out here are never reused.")
    public AddressAllocation allocation;

    public List<Condition> conditions = new ArrayList<>();
}
