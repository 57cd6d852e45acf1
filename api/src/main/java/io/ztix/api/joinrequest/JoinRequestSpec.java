package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class JoinRequestSpec {

    @Required
    @Min(1)
    @Max(4294967295L)
    @ValidationRule(value = "self != 23456 && self != 65535 && self != 4294967295",
            message = "AS 23456 (AS_TRANS), 65535 and 4294967295 are reserved and cannot peer")
    @ValidationRule(value = "self == oldSelf", message = "asn is immutable")
    @JsonPropertyDescription("The member's ASN.")
    public Long asn;

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    @ValidationRule(value = "self == oldSelf", message = "networkRef is immutable")
    @JsonPropertyDescription("Name of the ZtNetwork (same namespace) to join.")
    public String networkRef;

    @Required
    @Pattern("^[0-9a-f]{10}$")
    @ValidationRule(value = "self != '0000000000' && !self.startsWith('ff')",
            message = "nodeId is a reserved ZeroTier address (0000000000, or starting with ff) that no node has")
    @ValidationRule(value = "self == oldSelf", message = "nodeId is immutable")
    @JsonPropertyDescription("ZeroTier node ID (address) of the member's router: 10 lower-case hex digits.")
    public String nodeId;

    @Size(max = 255)
    @JsonPropertyDescription("The network's name as PeeringDB knows it.")
    public String networkName;

    @Size(max = 1024)
    @JsonPropertyDescription("The network's IRR AS-SET(s) as PeeringDB knows them (irr_as_set).")
    public String asSet;

    @JsonPropertyDescription("Max-prefix limits for the route-server sessions.")
    public MaxPrefixes maxPrefixes;

    @JsonPropertyDescription("What the member chooses to receive from the route servers (its own choice: "
            + "changing it needs no new approval).")
    public RoutingSpec routing;

    @JsonPropertyDescription("Who asked, as the portal saw them at login.")
    public Requester requester;

    @JsonPropertyDescription("The IX's decision. Set by an approver (kubectl patch / GitOps) or by the "
            + "operator for AutoForVerified networks.")
    public Approval approval;
}
