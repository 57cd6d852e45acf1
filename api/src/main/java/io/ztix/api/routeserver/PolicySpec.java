package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicySpec {

    @Min(1)
    @Max(255)
    @Default("32")
    @JsonPropertyDescription("Longest AS_PATH accepted from a member.")
    public Integer asPathMaxLength = 32;

    @Default("Disable")
    @JsonPropertyDescription("What BIRD does when a member exceeds its max-prefix limit.")
    public MaxPrefixAction maxPrefixAction = MaxPrefixAction.Disable;

    @Min(0)
    @Max(1000)
    @Default("20")
    @JsonPropertyDescription("Head-room in percent added to PeeringDB's prefix counts when a JoinRequest "
            + "has no maxPrefixes of its own.")
    public Integer maxPrefixHeadroomPercent = 20;

    @Default("true")
    @JsonPropertyDescription("Announce BGP role rs_server (RFC 9234) on member sessions.")
    public Boolean bgpRole = Boolean.TRUE;

    public enum MaxPrefixAction { Warn, Block, Restart, Disable }
}
