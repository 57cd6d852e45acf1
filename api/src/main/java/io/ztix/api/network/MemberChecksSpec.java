package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/**
 * What happens to a request from a network PeeringDB marks {@code info_never_via_route_servers} (at request time, in
 * the portal), and what the operator does when a re-check of an admitted member against PeeringDB finds something.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberChecksSpec {

    @Default("Report")
    @JsonPropertyDescription("Report: the finding is shown (JoinRequest condition MemberCheck, a Warning Event, the "
            + "metric ztix_network_member_check_findings) and the member stays. Suspend: in addition, the member's BGP "
            + "sessions are rendered disabled on the route servers (phase Suspended) until an admin rejects the request "
            + "or acknowledges the finding in spec.approval.acknowledgedFindings, or the finding goes away.")
    public OnFinding onFinding = OnFinding.Report;

    public enum OnFinding { Report, Suspend }

    @Default("Hold")
    @JsonPropertyDescription("A request whose PeeringDB network says info_never_via_route_servers. Hold: the portal "
            + "stores it labelled ztix.io/held-for-admin=never-via-route-servers, the member is told an admin will look "
            + "at it, and it is never approved automatically (approval: AutoForVerified waits for an admin as Manual "
            + "does). Refuse: the portal refuses the request with a message and stores nothing.")
    public NeverViaRouteServers neverViaRouteServers = NeverViaRouteServers.Hold;

    public enum NeverViaRouteServers { Hold, Refuse }

    /** Whether a request of a never-via-route-servers network is refused at request time (else it is held). */
    public boolean refusesNeverViaRouteServers() {
        return neverViaRouteServers == NeverViaRouteServers.Refuse;
    }

    /** Whether a member with an unacknowledged finding is suspended. */
    public boolean suspends() {
        return onFinding == OnFinding.Suspend;
    }
}
