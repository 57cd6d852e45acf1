package io.ztix.portal.lookingglass;

import io.ztix.api.routeserver.RouteServerCommunity;
import io.ztix.portal.i18n.RouteMessages;

/**
 * A route-server community (reject reason or information) in the member's language. The switch names every
 * constant of {@link RouteServerCommunity} without a default, so a reason added to the table does not compile
 * here until it has a message; {@code TranslationsTest} then fails until every language has it.
 */
public final class CommunityText {

    private CommunityText() {
    }

    public static String of(RouteServerCommunity community, RouteMessages msg) {
        return switch (community) {
            case PREFIX_TOO_LONG -> msg.community_prefix_too_long();
            case PREFIX_TOO_SHORT -> msg.community_prefix_too_short();
            case BOGON_PREFIX -> msg.community_bogon_prefix();
            case BOGON_ASN -> msg.community_bogon_asn();
            case AS_PATH_TOO_LONG -> msg.community_as_path_too_long();
            case AS_PATH_EMPTY -> msg.community_as_path_empty();
            case FIRST_AS_NOT_PEER -> msg.community_first_as_not_peer();
            case NEXT_HOP_NOT_PEER -> msg.community_next_hop_not_peer();
            case IRR_PREFIX_NOT_REGISTERED -> msg.community_irr_prefix_not_registered();
            case IRR_ORIGIN_NOT_IN_AS_SET -> msg.community_irr_origin_not_in_as_set();
            case PREFIX_NOT_REGISTERED_FOR_ORIGIN -> msg.community_prefix_not_registered_for_origin();
            case RPKI_UNKNOWN -> msg.community_rpki_unknown();
            case RPKI_INVALID -> msg.community_rpki_invalid();
            case TRANSIT_FREE_ASN -> msg.community_transit_free_asn();
            case TOO_MANY_COMMUNITIES -> msg.community_too_many_communities();
            case ASPA_INVALID -> msg.community_aspa_invalid();
            case ROUTE_SERVER_ASN_IN_PATH -> msg.community_route_server_asn_in_path();
            case BLACKHOLE_NOT_ACCEPTED -> msg.community_blackhole_not_accepted();
            case RPKI_VALID_INFO -> msg.community_rpki_valid_info();
            case RPKI_UNKNOWN_INFO -> msg.community_rpki_unknown_info();
            case RPKI_NOT_CHECKED_INFO -> msg.community_rpki_not_checked_info();
            case IRR_VALID_INFO -> msg.community_irr_valid_info();
            case IRR_NOT_CHECKED_INFO -> msg.community_irr_not_checked_info();
            case IRR_MORE_SPECIFIC_INFO -> msg.community_irr_more_specific_info();
            case IRR_ROA_AS_ROUTE_OBJECT_INFO -> msg.community_irr_roa_as_route_object_info();
            case ASPA_VALID_INFO -> msg.community_aspa_valid_info();
            case ASPA_UNKNOWN_INFO -> msg.community_aspa_unknown_info();
            case ASPA_INVALID_INFO -> msg.community_aspa_invalid_info();
        };
    }
}
