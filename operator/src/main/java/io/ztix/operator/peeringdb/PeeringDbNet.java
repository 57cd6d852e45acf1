package io.ztix.operator.peeringdb;

/**
 * The facts of one PeeringDB network that route-server policy uses, as checked by {@link NetAnswer}.
 *
 * @param asn                  the network's ASN
 * @param neverViaRouteServers PeeringDB's {@code info_never_via_route_servers}
 */
public record PeeringDbNet(long asn, boolean neverViaRouteServers) {
}
