package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every text of the portal; translations in messages/msg_zh_CN.properties and messages/msg_he.properties. */
@MessageBundle(value = "msg", locale = "en-US")
public interface AppMessages {

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

    @Message("Log in")
    String login_title();

    @Message("Log in with PeeringDB")
    String login_peeringdb();

    @Message("Recommended: your PeeringDB account tells us which networks you may act for.")
    String login_peeringdb_hint();

    @Message("Local account")
    String login_local();

    @Message("User name")
    String login_username();

    @Message("Password")
    String login_password();

    @Message("Log in")
    String login_submit();

    @Message("Login failed. Check your user name and password. After several failures the account is locked for a while.")
    String login_failed();

    @Message("You are logged out.")
    String logged_out();

    @Message("Requests of your networks")
    String requests_title();

    @Message("There are no requests for your networks yet.")
    String requests_empty();

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

    @Message("Waiting for a decision")
    String phase_Pending();

    @Message("Approved")
    String phase_Approved();

    @Message("Being set up")
    String phase_Provisioning();

    @Message("Active")
    String phase_Active();

    @Message("Rejected")
    String phase_Rejected();

    @Message("Failed")
    String phase_Failed();

    @Message("Received")
    String phase_unknown();

    @Message("The request is valid.")
    String cond_Valid_True();

    @Message("The request is not valid")
    String cond_Valid_False();

    @Message("The IX approved the request.")
    String cond_Approved_True();

    @Message("Not approved yet")
    String cond_Approved_False();

    @Message("Your router is authorized on the ZeroTier network.")
    String cond_MemberAuthorized_True();

    @Message("Your router is not authorized on the ZeroTier network yet")
    String cond_MemberAuthorized_False();

    @Message("The route servers know your router.")
    String cond_RouteServersConfigured_True();

    @Message("The route servers are not configured for you yet")
    String cond_RouteServersConfigured_False();

    @Message("Everything is ready.")
    String cond_Ready_True();

    @Message("Not ready yet")
    String cond_Ready_False();

    @Message("The exchange cannot check your membership right now because of a problem on its side. "
            + "Your sessions stay as they are; you do not need to do anything.")
    String cond_Degraded_True();

    @Message("The exchange can check your membership.")
    String cond_Degraded_False();

    @Message("Status")
    String cond_other();

    @Message("configured")
    String rs_configured();

    @Message("not configured yet")
    String rs_not_configured();

    @Message("no BGP session yet")
    String rs_no_sessions();

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

    @Message("Your router reaches {rs} directly, {ms} ms.")
    String path_direct(String rs, int ms);

    @Message("Your router reaches {rs} directly.")
    String path_direct_unmeasured(String rs);

    @Message("Your router reaches {rs} only through a ZeroTier relay: check that {bidi:ltr('UDP 9993')} is open to and from your router.")
    String path_relayed(String rs);

    @Message("{rs} has no ZeroTier contact with your router: check that {bidi:ltr('zerotier-one')} runs, has joined the network and is online.")
    String path_unreachable(String rs);

    @Message("The ZeroTier path to {rs} is not known.")
    String path_unknown(String rs);

    @Message("Decision")
    String detail_decision();

    @Message("Last error")
    String detail_last_error();

    @Message("You cannot request a port yet")
    String not_eligible_title();

    @Message("Your PeeringDB account is not affiliated with any network.")
    String not_eligible_no_networks();

    @Message("Your PeeringDB account has too few permissions for these networks:")
    String not_eligible_perms();

    @Message("Ask an administrator of your organisation on PeeringDB to grant you access to the network, then log in again.")
    String not_eligible_how();

    @Message("PeeringDB has not verified your account or e-mail address yet. You can look around, but you cannot submit requests until PeeringDB verifies you.")
    String unverified();

    @Message("Need help? Contact us:")
    String help_contact();

    @Message("Requests waiting for a decision")
    String pending_title();

    @Message("Nothing is waiting.")
    String pending_empty();

    @Message("Filter")
    String filter();

    @Message("Status")
    String filter_status();

    @Message("any")
    String filter_any();

    @Message("Newer than (days)")
    String filter_age();

    @Message("Actor")
    String filter_actor();

    @Message("Action")
    String filter_action();

    @Message("Audit log")
    String audit_title();

    @Message("Time")
    String audit_at();

    @Message("Target")
    String audit_target();

    @Message("Details")
    String audit_details();

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

    @Message("PeeringDB cannot be reached right now. Please try again in a few minutes.")
    String error_peeringdb_unavailable();

    @Message("Approve")
    String kubectl_approve();

    @Message("Reject (replace the reason)")
    String kubectl_reject();

    @Message("Network operators request a port on a ZeroTier peering LAN here. Log in to see your networks' requests or to ask for a new one.")
    String home_intro();

    @Message("IX-F member export (JSON)")
    String member_export();

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

    @Message("The IX has approved this request, so withdrawing it takes your network off the peering LAN. That needs the DELETE permission for this network on PeeringDB: ask an administrator of your organisation there, or contact the IX.")
    String withdraw_needs_delete();

    @Message("Node ID conflict: another live request on this peering LAN has the same ZeroTier node ID. Approve at most one of them; the operator refuses a node that another approved request holds.")
    String admin_node_conflict();

    @Message("This request is not valid, so there is no line to approve it. Reject it, or fix the cause first.")
    String admin_not_valid();

    @Message("Run as a member of an approver group: decidedBy is your own Kubernetes user name (kubectl auth whoami), as the admission policy requires.")
    String kubectl_whoami_hint();

    @Message("Something went wrong while setting up your port. The IX sees the details; ZT-IX keeps trying.")
    String detail_ix_sees_error();


    // One message per route-server community (io.ztix.api.routeserver.RouteServerCommunity#messageKey()).

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

    // Member-facing text for every io.ztix.api.joinrequest.JoinRequestReason (ReasonTextsTest keeps them complete),
    // the decision values and the session states BIRD reports.

    @Message("The request is valid.")
    String reason_Valid();

    @Message("The request has a problem the IX has to look at. The IX sees the details.")
    String reason_InvalidSpec();

    @Message("The peering LAN of this request does not exist (any more). The IX sees the details.")
    String reason_NetworkNotFound();

    @Message("Another request on this peering LAN names the same ZeroTier node ID. The IX decides which one may join.")
    String reason_NodeIdConflict();

    @Message("Waiting for the IX to approve or reject the request. You will see the decision here.")
    String reason_AwaitingDecision();

    @Message("The IX approved the request.")
    String reason_Approved();

    @Message("The IX rejected the request.")
    String reason_Rejected();

    @Message("Your router is authorized on the ZeroTier network.")
    String reason_Authorized();

    @Message("Your router was taken off the peering LAN.")
    String reason_Removed();

    @Message("Your router is being taken off the peering LAN.")
    String reason_RemovalPending();

    @Message("The route servers know your router.")
    String reason_Configured();

    @Message("This peering LAN has no route servers; peer with other members directly.")
    String reason_NoRouteServers();

    @Message("The route servers are being configured for you.")
    String reason_Waiting();

    @Message("Your port is being set up.")
    String reason_Provisioning();

    @Message("Everything is ready: your router is on the peering LAN and on every route server.")
    String reason_Active();

    @Message("Setting up your port did not work. The IX sees the details and retries once the cause is fixed.")
    String reason_Failed();

    @Message("The peering LAN is not ready yet; your port is set up as soon as it is.")
    String reason_NetworkNotReady();

    @Message("The exchange can check your membership.")
    String reason_Healthy();

    @Message("The exchange cannot reach its ZeroTier controller right now. Your sessions stay as they are; you do not need to do anything.")
    String reason_ControllerUnavailable();

    @Message("The exchange has a problem with access to its ZeroTier controller. Your sessions stay as they are; you do not need to do anything.")
    String reason_TokenRejected();

    @Message("The exchange cannot read its own access key for the ZeroTier controller. Your sessions stay as they are; you do not need to do anything.")
    String reason_TokenSecretUnavailable();

    @Message("The exchange's ZeroTier controller does not know the peering LAN right now. Your sessions stay as they are; you do not need to do anything.")
    String reason_NetworkMissingOnController();

    @Message("The exchange's ZeroTier controller refused a change. Your sessions stay as they are; you do not need to do anything.")
    String reason_ControllerRefused();

    @Message("The exchange cannot read or write its own records right now. Your sessions stay as they are; you do not need to do anything.")
    String reason_KubernetesApiError();

    @Message("The exchange cannot read the settings of this peering LAN right now. Your sessions stay as they are; you do not need to do anything.")
    String reason_NetworkUnreadable();

    @Message("The request was changed after the IX admitted it. Your port stays as it was admitted until the IX looks at it.")
    String reason_SpecChangedAfterAdmission();

    @Message("The terms of your port (AS-SET or prefix limits) were changed without a new approval. Your port stays as it was admitted until the IX decides.")
    String reason_TermsChangedWithoutApproval();

    @Message("Approved")
    String decision_Approved();

    @Message("Rejected")
    String decision_Rejected();

    @Message("Established")
    String bgp_established();

    @Message("Idle")
    String bgp_idle();

    @Message("Connect")
    String bgp_connect();

    @Message("Active (trying to connect)")
    String bgp_active();

    @Message("OpenSent")
    String bgp_opensent();

    @Message("OpenConfirm")
    String bgp_openconfirm();

    @Message("Closing")
    String bgp_close();

    @Message("Up")
    String bgp_up();

    @Message("Down")
    String bgp_down();

    @Message("Starting")
    String bgp_start();

    @Message("Stopping")
    String bgp_stop();

    @Message("Not known yet")
    String bgp_unknown();

    @Message("Not configured yet")
    String bgp_notconfigured();

    @Message("The IX has your request. ZT-IX checks it within a few seconds, then an IX admin approves or rejects it; this page shows each step as it happens.")
    String next_after_submit();



    @Message("This form has expired: it was open for a long time, or your browser did not send the portal's cookie. Nothing was changed. Go back, reload the page and send the form again.")
    String error_form_expired();

    @Message("The form was too large to accept. Nothing was changed. Go back and send it again with shorter values.")
    String error_form_too_large();

    @Message("An ASN is a number such as 64500 (AS in front is fine). Nothing was submitted.")
    String error_asn_text();


    // E-mail notifications and the delivery list for admins (notifications package).

    @Message("New request {request}")
    String mail_subject_SUBMITTED(String request);

    @Message("Node ID conflict: {request}")
    String mail_subject_NODE_CONFLICT(String request);

    @Message("Your request {request} was approved")
    String mail_subject_APPROVED(String request);

    @Message("Your request {request} was rejected")
    String mail_subject_REJECTED(String request);

    @Message("Your port {request} is active")
    String mail_subject_ACTIVE(String request);

    @Message("Setting up {request} did not work")
    String mail_subject_FAILED(String request);

    @Message("A problem at the exchange: {request}")
    String mail_subject_DEGRADED(String request);

    @Message("Hello {name},")
    String mail_hello(String name);

    @Message("Your port is being set up now; you get another e-mail when it is active.")
    String mail_approved_next();

    @Message("The IX's reason: {reason}")
    String mail_rejected_reason(String reason);

    @Message("Your request and its current status:")
    String mail_see_request();

    @Message("{requester} asked for {asn} to join {network} ({request}).")
    String mail_submitted(String requester, String asn, String network, String request);

    @Message("Decide it from the pending queue:")
    String mail_decide_in_queue();

    @Message("This e-mail was sent by the {ix} portal about a request you made or an IX you run.")
    String mail_footer(String ix);

    @Message("Notifications")
    String nav_notifications();

    @Message("Notifications sent")
    String notifications_title();

    @Message("No notifications yet.")
    String notifications_empty();

    @Message("Event")
    String col_event();

    @Message("Channel")
    String col_channel();

    @Message("Recipient")
    String col_recipient();

    @Message("Delivery")
    String col_delivery();

    @Message("delivered")
    String delivery_delivered();

    @Message("waiting")
    String delivery_pending();

    @Message("retrying")
    String delivery_retrying();

    @Message("given up")
    String delivery_failed();



    @Message("Copy")
    String copy();

    @Message("Copied")
    String copied();



    @Message("What approval will do")
    String preview_title();

    @Message("Addresses: the next IPv6 number of this ASN on the peering LAN and the next free IPv4 address, assigned only when the request is approved.")
    String preview_addresses();

    @Message("BGP sessions on each route server:")
    String preview_sessions();

    @Message("PeeringDB could not be asked about this network right now: check its facts before approving.")
    String warning_no_peeringdb();

    @Message("PeeringDB names no IRR AS-SET for this network: its IRR filter on the route servers has no AS-SET to build from.")
    String warning_no_as_set();

    @Message("PeeringDB gives no prefix counts for this network: the route servers use their default max-prefix limits.")
    String warning_no_max_prefixes();

    @Message("This peering LAN has no route servers: approval only authorizes the node on ZeroTier.")
    String warning_no_route_servers();

}
