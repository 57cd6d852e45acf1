package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PeeringAddresses {

    @Required
    @Pattern("^[0-9a-fA-F:]+$")
    @JsonPropertyDescription("IPv6 address inside the network's peeringLan.ipv6.")
    public String ipv6;

    @Pattern("^([0-9]{1,3}\\.){3}[0-9]{1,3}$")
    @JsonPropertyDescription("IPv4 address inside peeringLan.ipv4 (when the network has one).")
    public String ipv4;
}
