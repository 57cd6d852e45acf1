package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * The last configuration change of a route server and its health check: after BIRD took a new configuration,
 * the sessions that were Established before must stay (or come back) Established within the settle time, or
 * the route server is rolled back to its previous file and the other route servers of the network are held.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStatus {

    /** Where the last change stands. */
    public enum Phase {
        /** BIRD runs the new configuration; the operator watches the sessions until the settle time is over. */
        Settling,
        /** The new configuration passed the health check. */
        Confirmed,
        /** The new configuration dropped Established sessions and was replaced by the previous file. */
        RolledBack,
        /** The new configuration dropped sessions and putting the previous file back failed as well. */
        RollbackFailed,
        /** BIRD refused the new configuration (parse/check or reconfigure failed); the live file is unchanged. */
        Refused
    }

    public Phase phase;

    @JsonPropertyDescription("SHA-256 of the configuration this entry is about.")
    public String configHash;

    @JsonPropertyDescription("SHA-256 of the configuration that ran before it (the rollback target).")
    public String previousConfigHash;

    @JsonPropertyDescription("When BIRD took the configuration (RFC 3339).")
    public String startedTime;

    @JsonPropertyDescription("While Settling: when the health check ends at the latest (RFC 3339).")
    public String deadlineTime;

    @JsonPropertyDescription("When the phase was reached (RFC 3339).")
    public String finishedTime;

    @JsonPropertyDescription("Member sessions that were Established before the change and are still configured.")
    public Integer establishedBefore;

    @JsonPropertyDescription("While Settling: the sessions the health check waits for (Established before, "
            + "and touched by the change).")
    public List<String> watchedSessions = new ArrayList<>();

    @JsonPropertyDescription("Sessions that were Established before and were not at the end of the check "
            + "(at most 50 names are listed).")
    public List<String> droppedSessions = new ArrayList<>();

    @JsonPropertyDescription("Number of sessions in droppedSessions, even when not all are listed.")
    public Integer droppedSessionCount;

    @JsonPropertyDescription("Number of members those sessions belong to.")
    public Integer droppedMembers;

    @JsonPropertyDescription("What happened, in words.")
    public String message;

    @JsonPropertyDescription("After a rollback: identifies what hurt (the shared part of the configuration and the "
            + "blocks of the dropped sessions). A configuration with the same fingerprint is not applied again "
            + "until an admin retries.")
    public String harmFingerprint;

    @JsonPropertyDescription("The last value of the ztix.io/retry annotation the operator acted on.")
    public String acknowledgedRetry;

    @JsonPropertyDescription("The last value of the ztix.io/skip-health-gate annotation the operator acted on.")
    public String acknowledgedSkipHealthGate;

    @JsonPropertyDescription("True from a new ztix.io/skip-health-gate value until the next apply, which is then not "
            + "health-gated.")
    public Boolean skipHealthGateOnNextApply;
}
