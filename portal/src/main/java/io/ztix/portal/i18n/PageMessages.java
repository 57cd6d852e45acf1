package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The frame of every page (title, navigation, footer, language switcher), the home page and the column headings tables share.
 * Templates read them as {@code {page:key}}; translations in messages/page_zh_CN.properties and
 * messages/page_he.properties.
 */
@MessageBundle(value = "page", locale = "en-US")
public interface PageMessages {

    @Message("Join the peering LAN of a virtual Internet Exchange")
    String app_tagline();

    @Message("My requests")
    String nav_requests();

    @Message("New request")
    String nav_new();

    @Message("Pending queue")
    String nav_admin();

    @Message("All requests")
    String nav_all();

    @Message("Audit log")
    String nav_audit();

    @Message("Prefix lookup")
    String nav_prefix();

    @Message("Log out")
    String nav_logout();

    @Message("Log in")
    String nav_login();

    @Message("Language")
    String language();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Support")
    String support();

    @Message("Request")
    String col_request();

    @Message("ASN")
    String col_asn();

    @Message("Network")
    String col_network();

    @Message("Node")
    String col_node();

    @Message("Status")
    String col_phase();

    @Message("Details")
    String col_conditions();

    @Message("Addresses")
    String col_addresses();

    @Message("Route servers")
    String col_route_servers();

    @Message("Requester")
    String col_requester();

    @Message("Created")
    String col_age();

    @Message("Decide with kubectl")
    String col_kubectl();

    @Message("PeeringDB")
    String col_peeringdb();

    @Message("This page updates itself.")
    String live_hint();

    @Message("Need help? Contact us:")
    String help_contact();

    @Message("Network operators request a port on a ZeroTier peering LAN here. Log in to see your networks' requests or to ask for a new one.")
    String home_intro();

    @Message("IX-F member export (JSON)")
    String member_export();

    @Message("Notifications")
    String nav_notifications();

    @Message("Event")
    String col_event();

    @Message("Channel")
    String col_channel();

    @Message("Recipient")
    String col_recipient();

    @Message("Delivery")
    String col_delivery();

    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();
}
