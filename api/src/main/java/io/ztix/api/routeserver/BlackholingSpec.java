package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;

/** RFC 7999 blackholing on the route server (RouteServer spec.policy.blackholing). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BlackholingSpec {

    @Default("false")
    @JsonPropertyDescription("Accept member routes tagged BLACKHOLE (65535:666, RFC 7999) down to /32 and /128 for prefixes "
            + "the member's IRR route objects cover (only where the route server filters by IRR, spec.irr; elsewhere "
            + "such a route is checked like any other and a host route is filtered as too long). RPKI-invalid is not a "
            + "reject reason for them (a ROA's maxLength never allows a host route); origin, path and NEXT_HOP are "
            + "checked as usual. Accepted, the route's NEXT_HOP becomes nextHop4/nextHop6 and it gets NO_EXPORT.")
    public Boolean enabled = Boolean.FALSE;

    @Size(max = 45)
    @JsonPropertyDescription("The IPv4 address of the peering LAN that traffic to blackholed IPv4 prefixes is sent to "
            + "(an address no router holds: members drop it). Required when enabled and the route server has IPv4.")
    public String nextHop4;

    @Size(max = 45)
    @JsonPropertyDescription("The IPv6 address of the peering LAN that traffic to blackholed IPv6 prefixes is sent to. "
            + "Required when enabled.")
    public String nextHop6;
}
