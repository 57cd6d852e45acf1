package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ztix.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteServerStatus {

    public Long observedGeneration;

    @JsonPropertyDescription("SHA-256 of the include file that is live on the route server.")
    public String appliedConfigHash;

    @JsonPropertyDescription("When the live configuration was last changed (RFC 3339).")
    public String lastAppliedTime;

    @JsonPropertyDescription("Stage of the last failed apply (connect, upload, check, swap, configure) "
            + "and BIRD's own message.")
    public String lastError;

    @JsonPropertyDescription("Number of member sessions configured.")
    public Integer peerCount;

    @JsonPropertyDescription("One entry per member session of the configuration BIRD runs, with its BGP state as "
            + "of lastObservedTime.")
    public List<PeerStatus> peers = new ArrayList<>();

    @JsonPropertyDescription("Per member node: how this route server's ZeroTier node reaches it (zerotier-cli -j peers).")
    public List<MemberPath> memberPaths = new ArrayList<>();

    @JsonPropertyDescription("When the operator last read BIRD's state on the route server (RFC 3339): peers[].state "
            + "and rpki[] are as of this time. It stops moving while the route server cannot be reached (see the "
            + "Reachable condition); the sessions keep running meanwhile.")
    public String lastObservedTime;

    @JsonPropertyDescription("When the route server last became unreachable (RFC 3339); absent while it is reachable.")
    public String unreachableSince;

    @JsonPropertyDescription("The BIRD version the route server reported (birdc show status) at lastObservedTime, "
            + "e.g. 3.1.8; the configuration is rendered for it. A version ZT-IX does not support is refused "
            + "(condition ConfigApplied, reason UnsupportedBirdVersion) and the running configuration stays.")
    public String birdVersion;

    @JsonPropertyDescription("RPKI: one entry per RTR server of spec.rpki, as BIRD reports its protocol rpki.")
    public List<RtrServerStatus> rpki = new ArrayList<>();

    @JsonPropertyDescription("The last configuration change and its health check (settle, confirm or roll back).")
    public RolloutStatus rollout;

    @JsonPropertyDescription("Per member: the IRR lists its import filter uses (sizes, last refresh, outcome); only when "
            + "spec.irr is set.")
    public List<IrrListStatus> irr;

    public List<Condition> conditions = new ArrayList<>();
}
