package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** What the operator does when a re-check of an admitted member against PeeringDB finds something. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberChecksSpec {

    @Default("Report")
    @JsonPropertyDescription("Report: the finding is shown (JoinRequest condition MemberCheck, a Warning Event, the "
            + "metric ztix_network_member_check_findings) and the member stays. Suspend: in addition, the member's BGP "
            + "sessions are rendered disabled on the route servers (phase Suspended) until an admin rejects the request "
            + "or acknowledges the finding in spec.approval.acknowledgedFindings, or the finding goes away.")
    public OnFinding onFinding = OnFinding.Report;

    public enum OnFinding { Report, Suspend }

    /** Whether a member with an unacknowledged finding is suspended. */
    public boolean suspends() {
        return onFinding == OnFinding.Suspend;
    }
}
