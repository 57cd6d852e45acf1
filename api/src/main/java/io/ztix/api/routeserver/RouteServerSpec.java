package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.networkRef == oldSelf.networkRef", message = "networkRef is immutable")
public class RouteServerSpec {

    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    @JsonPropertyDescription("Name of the ZtNetwork (same namespace) this route server serves.")
    public String networkRef;

    @Required
    @Min(1)
    @Max(4294967294L)
    @JsonPropertyDescription("The route server's own ASN.")
    public Long asn;

    @Required
    @Pattern("^([0-9]{1,3}\\.){3}[0-9]{1,3}$")
    @JsonPropertyDescription("BGP router ID (dotted quad).")
    public String routerId;

    @Required
    @JsonPropertyDescription("The route server's own addresses on the peering LAN.")
    public PeeringAddresses peeringAddresses;

    @Required
    @JsonPropertyDescription("How the operator reaches the route server.")
    public SshSpec ssh;

    @JsonPropertyDescription("BIRD paths and commands on the route server.")
    public BirdSpec bird = new BirdSpec();

    @Required
    @JsonPropertyDescription("RPKI origin validation: RTR servers that feed the ROA tables.")
    public RpkiSpec rpki;

    @JsonPropertyDescription("Route-server policy knobs.")
    public PolicySpec policy = new PolicySpec();

    @Default("zerotier-cli")
    @Pattern("^[A-Za-z0-9._/-]+$")
    @JsonPropertyDescription("The route server's zerotier-cli. The session poll runs '<command> -j peers' in its SSH "
            + "session (the SSH user needs the node's auth token, e.g. in ~/.zeroTierOneAuthToken) to report how "
            + "the route server's ZeroTier node reaches each member (status.memberPaths). Without it every path is "
            + "Unknown; nothing else changes.")
    public String zeroTierCliCommand = "zerotier-cli";

    @JsonPropertyDescription("IRR filtering of member routes (origin ASNs and prefixes of each member's AS-SET, "
            + "expanded with bgpq4). Absent: routes are not checked against the IRR.")
    public IrrSpec irr;
}
