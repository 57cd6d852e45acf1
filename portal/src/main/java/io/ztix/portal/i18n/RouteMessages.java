package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The routes section (the looking glass) and one text per route-server community
 * ({@link io.ztix.api.routeserver.RouteServerCommunity#messageKey()}; CommunityTextTest keeps them complete).
 * Templates read them as {@code {routes:key}}; translations in messages/routes_zh_CN.properties and
 * messages/routes_he.properties.
 */
@MessageBundle(value = "routes", locale = "en-US")
public interface RouteMessages {

    @Message("Prefix too long: the route server accepts IPv4 up to /24 and IPv6 up to /48.")
    String community_prefix_too_long();

    @Message("Prefix too short: the route server accepts IPv4 from /8 and IPv6 from /12.")
    String community_prefix_too_short();

    @Message("Bogon prefix: private, documentation or other special-purpose address space, never routed on the Internet.")
    String community_bogon_prefix();

    @Message("A reserved or private ASN is in the AS path.")
    String community_bogon_asn();

    @Message("The AS path is too long.")
    String community_as_path_too_long();

    @Message("The AS path is empty.")
    String community_as_path_empty();

    @Message("The first AS in the path is not your ASN.")
    String community_first_as_not_peer();

    @Message("The next hop is not your router's own peering address.")
    String community_next_hop_not_peer();

    @Message("IRR: the prefix is not covered by route objects of your AS-SET.")
    String community_irr_prefix_not_registered();

    @Message("IRR: the origin AS is not in your AS-SET.")
    String community_irr_origin_not_in_as_set();

    @Message("The prefix is not registered for its origin AS.")
    String community_prefix_not_registered_for_origin();

    @Message("RPKI unknown: no ROA covers the prefix, and this route server filters such routes.")
    String community_rpki_unknown();

    @Message("RPKI invalid: a ROA covers the prefix, but not for this origin AS or prefix length.")
    String community_rpki_invalid();

    @Message("A transit-free network's ASN is in the AS path.")
    String community_transit_free_asn();

    @Message("The route carries too many communities.")
    String community_too_many_communities();

    @Message("ASPA invalid: the path goes through a provider that the customer's ASPA does not list.")
    String community_aspa_invalid();

    @Message("The route server's own ASN is in the AS path (a loop).")
    String community_route_server_asn_in_path();

    @Message("BLACKHOLE (65535:666) is not accepted from you here: this route server does not offer blackholing, or it does not check your IRR route objects")
    String community_blackhole_not_accepted();

    @Message("RPKI valid")
    String community_rpki_valid_info();

    @Message("RPKI unknown (no ROA covers the prefix)")
    String community_rpki_unknown_info();

    @Message("RPKI not checked")
    String community_rpki_not_checked_info();

    @Message("IRR valid")
    String community_irr_valid_info();

    @Message("IRR not checked")
    String community_irr_not_checked_info();

    @Message("IRR: more specific of a registered prefix")
    String community_irr_more_specific_info();

    @Message("IRR: no route object covers the prefix, but a ROA for its origin does (ROAs used as route objects)")
    String community_irr_roa_as_route_object_info();

    @Message("ASPA valid")
    String community_aspa_valid_info();

    @Message("ASPA unknown (an AS on the path publishes no ASPA)")
    String community_aspa_unknown_info();

    @Message("ASPA invalid (accepted: this IX only tags such routes)")
    String community_aspa_invalid_info();

    @Message("Your routes on the route servers")
    String routes_title();

    @Message("{bidi:ltr(routeServer)}, {bidi:ltr(family)}")
    String routes_session(String routeServer, String family);

    @Message("{imported} accepted, {filtered} filtered, {exported} sent to you")
    String routes_counts(int imported, int filtered, int exported);

    @Message("Show accepted routes")
    String routes_show_accepted();

    @Message("Show filtered routes and why")
    String routes_show_filtered();

    @Message("The route server has accepted no route on this session.")
    String routes_none_accepted();

    @Message("The route server has filtered no route on this session.")
    String routes_none_filtered();

    @Message("Your routes cannot be shown right now (the looking glass is not reachable or busy). Try again in a minute.")
    String routes_unavailable();

    @Message("Prefix")
    String routes_col_prefix();

    @Message("AS path")
    String routes_col_as_path();

    @Message("Next hop")
    String routes_col_next_hop();

    @Message("RPKI")
    String routes_col_rpki();

    @Message("Why it is filtered")
    String routes_col_reasons();

    @Message("valid")
    String routes_rpki_valid();

    @Message("invalid")
    String routes_rpki_invalid();

    @Message("unknown (no ROA covers it)")
    String routes_rpki_unknown();

    @Message("not checked")
    String routes_rpki_not_checked();

    @Message("Page {current} of {pages} ({total} routes)")
    String routes_page(int current, int pages, int total);

    @Message("Previous page")
    String routes_previous();

    @Message("Next page")
    String routes_next();
}
