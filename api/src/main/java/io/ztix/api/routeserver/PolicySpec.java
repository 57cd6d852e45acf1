package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

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

    @Default("Disabled")
    @JsonPropertyDescription("ASPA path verification of member routes (draft-ietf-sidrops-aspa-verification, the upstream "
            + "check BIRD applies to routes from route-server clients); needs BIRD 2.16 or later or BIRD 3 and RTR servers "
            + "that send ASPA records (RTR version 2). Disabled: no check. Tag: every member route gets an informational "
            + "large community RS:1002:1 (valid), RS:1002:2 (unknown) or RS:1002:3 (invalid) and nothing is rejected. "
            + "Reject: invalid routes are kept filtered with reject reason RS:1101:16, valid and unknown ones are tagged. "
            + "A route server whose BIRD has no ASPA refuses Tag and Reject (condition ConfigApplied False, reason "
            + "UnsupportedBirdFeature; nothing is applied) instead of ignoring them.")
    public Aspa aspa = Aspa.Disabled;
    @JsonPropertyDescription("RFC 7999 blackholing (off unless enabled).")
    public BlackholingSpec blackholing;

    @Default("false")
    @JsonPropertyDescription("RPKI ROAs as route objects (as arouteserver's use_rpki_roas_as_route_objects): where the "
            + "route server filters by IRR (spec.irr), a route whose prefix no route object of the member's AS-SET covers "
            + "is accepted when a ROA validates it (prefix, length and origin) and its origin is in the AS-SET; it carries "
            + "RS:1001:16 instead of RS:1001:1 (IRR valid). Off: such a route is filtered with RS:1101:9.")
    public Boolean rpkiRoasAsRouteObjects = Boolean.FALSE;

    /**
     * Transit-free networks as IX route-server configurations commonly list them (Cogent, Verizon, Sprint, Arelion,
     * XO, NTT, GTT, Deutsche Telekom, Lumen, PCCW, Orange, Tata, Zayo, Sparkle, Liberty Global, AT&T, Telxius): no
     * member's legitimate route reaches the route server through one of them.
     */
    public static final List<Long> DEFAULT_TRANSIT_FREE_ASNS = List.of(174L, 701L, 1239L, 1299L, 2828L, 2914L, 3257L,
            3320L, 3356L, 3491L, 5511L, 6453L, 6461L, 6762L, 6830L, 7018L, 12956L);

    @Size(max = 1000)
    @ValidationRule(value = "self.all(a, a >= 1 && a <= 4294967294)", message = "each transit-free ASN is 1..4294967294")
    @JsonPropertyDescription("ASNs of transit-free networks: a route with one of them in the AS path behind the member "
            + "(the member itself may be one) is filtered with RS:1101:14. Absent: the documented default list of "
            + "well-known transit-free networks (174, 701, 1239, 1299, 2828, 2914, 3257, 3320, 3356, 3491, 5511, 6453, "
            + "6461, 6762, 6830, 7018, 12956); empty: no such check.")
    public List<Long> transitFreeAsns;

    public enum MaxPrefixAction { Warn, Block, Restart, Disable }

    /** Not "Off": YAML 1.1, which kubectl and Helm read, turns an unquoted Off into false. */
    public enum Aspa { Disabled, Tag, Reject }
}
