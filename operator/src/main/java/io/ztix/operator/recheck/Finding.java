package io.ztix.operator.recheck;

/** What a re-check of an admitted member against PeeringDB can find; each is a reason of the MemberCheck condition. */
public enum Finding {
    /** PeeringDB answered, and it has no network with the member's ASN any more. */
    NoPeeringDbNetwork,
    /** The member's PeeringDB network now says {@code info_never_via_route_servers}. */
    NeverViaRouteServers
}
