package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ztix.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class JoinRequestStatus {

    public Long observedGeneration;

    public Phase phase;

    @JsonPropertyDescription("Peering addresses handed to the member.")
    public AssignedIps assignedIps;

    @JsonPropertyDescription("What was admitted: the route servers are configured from this record only. It stays "
            + "until a decision (rejection, withdrawn approval, deletion) removes the member.")
    public AdmittedMember admitted;

    @JsonPropertyDescription("Per-(network, ASN) sequence number used in the IPv6 address; never reused.")
    public Long sequence;

    @JsonPropertyDescription("State of this member on each route server of the network.")
    public List<RouteServerEntry> routeServers = new ArrayList<>();

    @JsonPropertyDescription("Set while the member is suspended (phase Suspended): the PeeringDB re-check finding its "
            + "sessions are disabled on the route servers for. Cleared by a rejection, an acknowledgement in "
            + "spec.approval.acknowledgedFindings, or the finding going away.")
    public MemberFinding suspendedFor;

    @JsonPropertyDescription("The last error, in plain words.")
    public String lastError;

    public List<Condition> conditions = new ArrayList<>();
}
