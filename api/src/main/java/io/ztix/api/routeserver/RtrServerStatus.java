package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One RTR server (one BIRD {@code protocol rpki}) as the route server reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RtrServerStatus {

    @JsonPropertyDescription("Host name or address of the RTR server, as in spec.rpki.servers.")
    public String host;

    public Integer port;

    @JsonPropertyDescription("BIRD protocol name (ztix_rpki_<n>).")
    public String protocol;

    @JsonPropertyDescription("The RTR cache state as BIRD prints it: Established, Transport-Error, Sync-Start, "
            + "Sync-Running, Fast-Reconnect, Fatal-Protocol-Error, Down, ... (NotConfigured: BIRD has no such "
            + "protocol yet).")
    public String state;

    @JsonPropertyDescription("True while BIRD holds an Established RTR session with this server, i.e. its ROAs "
            + "are current.")
    public Boolean inSync;

    @JsonPropertyDescription("Since when BIRD reports the protocol's state, as BIRD prints it (route server's clock).")
    public String since;

    @JsonPropertyDescription("Why the server is not in sync, in words (e.g. its host name does not resolve on the "
            + "route server, or no RTR session can be opened).")
    public String lastError;

    @JsonPropertyDescription("When BIRD last received data from this server (RFC 3339, derived from BIRD's "
            + "'Last update: before N s'); absent if it never did.")
    public String lastUpdateTime;

    @JsonPropertyDescription("IPv4 ROAs BIRD holds from this server (they are kept after the session is lost, "
            + "until BIRD's expire timer).")
    public Long roas4;

    @JsonPropertyDescription("IPv6 ROAs BIRD holds from this server.")
    public Long roas6;

    @JsonPropertyDescription("When inSync last changed, by the operator's clock (RFC 3339).")
    public String lastTransitionTime;
}
