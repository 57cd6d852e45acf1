package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Error pages and the form's refusals; each says what went wrong and that nothing was changed where that is so.
 * Templates read them as {@code {err:key}}; translations in messages/err_zh_CN.properties and
 * messages/err_he.properties.
 */
@MessageBundle(value = "err", locale = "en-US")
public interface ErrorMessages {

    @Message("Something went wrong")
    String error_title();

    @Message("This page does not exist, or you may not see it.")
    String error_not_found();

    @Message("You may not do this.")
    String error_forbidden();

    @Message("The portal could not handle this request. Please try again later.")
    String error_generic();

    @Message("The form was incomplete or outdated. Please go back, reload the page and try again.")
    String error_bad_request();

    @Message("A ZeroTier node ID is exactly 10 hexadecimal digits (0-9, a-f), for example {bidi:ltr('8056c2e21c')}. Run {bidi:ltr('zerotier-cli info')} on your router to see it.")
    String error_node_id();

    @Message("None of your networks may request a port.")
    String error_no_eligible_asn();

    @Message("Only PeeringDB-verified users can submit requests.")
    String error_unverified();

    @Message("You may not act for this ASN on this network.")
    String error_asn_not_yours();

    @Message("This peering LAN does not exist.")
    String error_network_unknown();

    @Message("This peering LAN does not take new requests.")
    String error_network_closed();

    @Message("PeeringDB has no network with this ASN. Create or fix your network record on PeeringDB first.")
    String error_asn_not_in_peeringdb();

    @Message("PeeringDB says this network is never via route servers (info_never_via_route_servers), and this peering LAN does not take requests from such networks. If your network does peer with route servers, change this on PeeringDB first.")
    String error_never_via_route_servers();

    @Message("PeeringDB cannot be reached right now. Please try again in a few minutes.")
    String error_peeringdb_unavailable();

    @Message("This is a reserved ZeroTier address that no router has ({bidi:ltr('0000000000')}, or one starting with {bidi:ltr('ff')}). Run {bidi:ltr('zerotier-cli info')} on your router to see its node ID.")
    String error_node_id_reserved();

    @Message("This ZeroTier node ID is already in a request on this peering LAN. A router joins a peering LAN only once. If it is your router, please contact the IX.")
    String error_node_id_taken();

    @Message("This ZeroTier node ID is already in one of your requests on this peering LAN:")
    String error_node_id_yours();

    @Message("You already have {limit} requests, the most one person may have. Withdraw one you no longer need, or contact the IX.")
    String error_quota_user(String limit);

    @Message("This network already has {limit} requests on this peering LAN, the most one network may have. Withdraw one it no longer needs, or contact the IX.")
    String error_quota_asn(String limit);

    @Message("This peering LAN takes no more requests right now ({limit} at most). Please contact the IX.")
    String error_quota_network(String limit);

    @Message("Many requests are being submitted right now, so yours was not created. Please submit it again in a minute.")
    String error_busy();

    @Message("This form has expired: it was open for a long time, or your browser did not send the portal's cookie. Nothing was changed. Go back, reload the page and send the form again.")
    String error_form_expired();

    @Message("The form was too large to accept. Nothing was changed. Go back and send it again with shorter values.")
    String error_form_too_large();

    @Message("An ASN is a number such as 64500 (AS in front is fine). Nothing was submitted.")
    String error_asn_text();
}
