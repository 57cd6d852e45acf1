package io.ztix.api.joinrequest;

/**
 * What the operator's re-check of an admitted member against PeeringDB can find; each is a reason of the JoinRequest
 * condition MemberCheck, and an admin may acknowledge it in spec.approval.acknowledgedFindings.
 */
public enum MemberFinding {
    /** PeeringDB answered, and it has no network with the member's ASN any more. */
    NoPeeringDbNetwork,
    /** The member's PeeringDB network now says {@code info_never_via_route_servers}. */
    NeverViaRouteServers
}
