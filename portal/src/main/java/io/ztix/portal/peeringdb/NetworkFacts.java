package io.ztix.portal.peeringdb;

/** What PeeringDB says about a network (the fields route-server policy uses). */
public record NetworkFacts(long asn, String name, String irrAsSet, Long infoPrefixes4, Long infoPrefixes6,
        boolean neverViaRouteServers, String policyGeneral) {
}
