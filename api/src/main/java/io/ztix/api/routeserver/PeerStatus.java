package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One BGP session of a member on a route server, as BIRD reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PeerStatus {

    @JsonPropertyDescription("Name of the JoinRequest this session belongs to.")
    public String joinRequest;

    public Long asn;

    @JsonPropertyDescription("ipv4 or ipv6.")
    public String family;

    @JsonPropertyDescription("The member's address on the peering LAN.")
    public String address;

    @JsonPropertyDescription("BIRD protocol name.")
    public String protocol;

    @JsonPropertyDescription("BGP state as BIRD reports it: Established, Active, Connect, Idle, ...")
    public String state;

    @JsonPropertyDescription("Since when BIRD reports this state (as BIRD prints it).")
    public String since;

    @JsonPropertyDescription("When the operator first saw the session in this state (RFC 3339, within one session poll): "
            + "what 'Established for 3 days' is counted from; kept across configuration changes that leave the session.")
    public String stateSinceTime;

    @JsonPropertyDescription("The most routes the route server accepts from the member on this session (its receive "
            + "limit, max-prefix plus head-room); over it, spec.policy.maxPrefixAction applies.")
    public Long receiveLimit;

    @JsonPropertyDescription("BIRD's extra information, e.g. the last error.")
    public String info;

    @JsonPropertyDescription("Routes BIRD accepted from the member on this session (BIRD's 'imported'), as of the "
            + "route server's lastObservedTime; absent while the session is down (BIRD shows no figures then).")
    public Integer imported;

    @JsonPropertyDescription("Routes the member sent on this session that the import filter refused (kept as filtered, "
            + "with their reject-reason communities; see the looking glass).")
    public Integer filtered;

    @JsonPropertyDescription("Routes the route server sends the member on this session.")
    public Integer exported;

    @JsonPropertyDescription("True while the session is configured but held down (BIRD 'disabled'), because no RTR "
            + "server is in sync and spec.rpki.newMembersWhileNotInSync is Hold: the member is not yet served.")
    public Boolean held;
}
