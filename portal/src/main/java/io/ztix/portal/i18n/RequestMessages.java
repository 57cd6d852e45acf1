package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A member's request pages: the list, the form, the review step, the detail page and its router instructions.
 * Templates read them as {@code {req:key}}; translations in messages/req_zh_CN.properties and
 * messages/req_he.properties.
 */
@MessageBundle(value = "req", locale = "en-US")
public interface RequestMessages {

    @Message("Requests of your networks")
    String requests_title();

    @Message("There are no requests for your networks yet.")
    String requests_empty();

    @Message("Request to join a peering LAN")
    String new_title();

    @Message("Your network (ASN)")
    String new_asn();

    @Message("Peering LAN")
    String new_network();

    @Message("No peering LAN is open for requests right now.")
    String new_network_none();

    @Message("ZeroTier node ID of your router")
    String new_node();

    @Message("10 hexadecimal digits. Run {bidi:ltr('zerotier-cli info')} on your router: it prints the node ID after {bidi:ltr('200 info')}, e.g. "
            + "{bidi:ltr('200 info 8056c2e21c 1.14.2 ONLINE')}.")
    String new_node_hint();

    @Message("Review")
    String new_review();

    @Message("Check and submit")
    String review_title();

    @Message("What PeeringDB says about your network")
    String review_facts();

    @Message("IRR AS-SET")
    String review_as_set();

    @Message("Max prefixes (IPv4 / IPv6)")
    String review_max_prefixes();

    @Message("PeeringDB says this network never peers via route servers.")
    String review_never_via_rs();

    @Message("Submit request")
    String submit();

    @Message("Change")
    String back();

    @Message("Your request was submitted.")
    String created();

    @Message("PeeringDB says your network is never via route servers, so an IX admin will look at this request before it is decided.")
    String held_for_admin();

    @Message("The request was withdrawn.")
    String withdrawn();

    @Message("Withdraw request")
    String withdraw();

    @Message("Withdrawing removes your router from the peering LAN. Continue?")
    String withdraw_confirm();

    @Message("A request for this network, ASN and node exists already:")
    String duplicate();

    @Message("Request")
    String detail_title();

    @Message("Set up your router")
    String detail_instructions();

    @Message("Join the ZeroTier network:")
    String detail_join();

    @Message("Addresses and route-server details appear here once the request is approved.")
    String detail_not_yet();

    @Message("Your addresses on the peering LAN")
    String detail_your_addresses();

    @Message("Route servers ({bidi:asn(asn)})")
    String detail_rs(long asn);

    @Message("The peering LAN's MTU is {mtu} bytes, as on a physical IX port. ZeroTier sets it on your interface; "
            + "keep your router and BGP sessions at {mtu} too.")
    String detail_mtu(int mtu);

    @Message("Only these addresses work on the peering LAN: ARP, neighbor advertisements and packets from any other "
            + "peering-LAN address are dropped, and so are router advertisements, DHCP servers and multicast other than "
            + "ARP and neighbor discovery.")
    String detail_assigned_only();

    @Message("Decision")
    String detail_decision();

    @Message("Last error")
    String detail_last_error();

    @Message("Blackhole routes")
    String blackholes_title();

    @Message("Receive blackhole routes of other members")
    String blackholes_accept();

    @Message("Routes another member tags BLACKHOLE ({bidi:ltr('65535:666')}, RFC 7999) for its own address space, pointed "
            + "at the IX's blackhole address, so that your router drops traffic to them. Off unless you turn it on; you can "
            + "change it at any time, without a new approval.")
    String blackholes_hint();

    @Message("Received")
    String blackholes_received();

    @Message("Not received")
    String blackholes_not_received();

    @Message("the route servers apply it shortly")
    String blackholes_not_applied_yet();

    @Message("Receive them")
    String blackholes_start();

    @Message("Stop receiving them")
    String blackholes_stop();

    @Message("Your choice was saved. It needs no new approval.")
    String blackholes_saved();

    @Message("Only someone who may act for this network on PeeringDB chooses what it receives.")
    String blackholes_not_yours();

    @Message("The IX has approved this request, so withdrawing it takes your network off the peering LAN. That needs the DELETE permission for this network on PeeringDB: ask an administrator of your organisation there, or contact the IX.")
    String withdraw_needs_delete();
}
