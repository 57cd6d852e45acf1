package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ztix.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteServerStatus {

    /**
     * The most entries peers[], memberPaths[] and irr[] list each: up to this many members the lists are complete,
     * above they list only the entries that need attention (see {@link EntrySummary}).
     */
    public static final int LISTED = 100;

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

    @JsonPropertyDescription("The member sessions of the configuration BIRD runs, with their BGP state as of "
            + "lastObservedTime: all of them up to 100; above, only those not Established or held, at most 100 (see "
            + "peerSummary; each member's sessions are in its JoinRequest's status.routeServers[]).")
    public List<PeerStatus> peers = new ArrayList<>();

    @JsonPropertyDescription("Counts of the member sessions (all of them, listed in peers or not).")
    public EntrySummary peerSummary;

    @JsonPropertyDescription("Per member node: how this route server's ZeroTier node reaches it (zerotier-cli -j peers); "
            + "all up to 100 members, above only those not Direct, at most 100 (see memberPathSummary).")
    public List<MemberPath> memberPaths = new ArrayList<>();

    @JsonPropertyDescription("Counts of the member paths (all of them, listed in memberPaths or not).")
    public EntrySummary memberPathSummary;

    @JsonPropertyDescription("SHA-256 of every member's sessions (without route counters) and path as this route server "
            + "sees them, listed or not: it changes when any member's entry does.")
    public String memberDetailHash;

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
            + "spec.irr is set. All up to 100 members, above only those not Applied or with a refused AS-SET, at most "
            + "100 (see irrSummary).")
    public List<IrrListStatus> irr;

    @JsonPropertyDescription("Counts of the members' IRR lists (all of them, listed in irr or not); only when spec.irr is set.")
    public EntrySummary irrSummary;

    public List<Condition> conditions = new ArrayList<>();
}
