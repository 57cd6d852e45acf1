package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a request's status means, from the portal's own texts: phases, conditions and their reasons (every
 * {@link io.ztix.api.joinrequest.JoinRequestReason}, which ReasonTextsTest keeps complete), decisions, route-server
 * and BGP session states and the ZeroTier path to each route server.
 * Templates read them as {@code {status:key}}; translations in messages/status_zh_CN.properties and
 * messages/status_he.properties.
 */
@MessageBundle(value = "status", locale = "en-US")
public interface StatusMessages {

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

    @Message("Suspended")
    String phase_Suspended();

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

    @Message("Something went wrong while setting up your port. The IX sees the details; ZT-IX keeps trying.")
    String detail_ix_sees_error();

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

    @Message("PeeringDB still lists your network, and it does not ask to stay off route servers.")
    String reason_Passed();

    @Message("PeeringDB no longer lists a network with your ASN. The IX will look at it; update your PeeringDB record if this is a mistake.")
    String reason_NoPeeringDbNetwork();

    @Message("Your PeeringDB record now says your network never peers via route servers. The IX will look at it; update your PeeringDB record if this is a mistake.")
    String reason_NeverViaRouteServers();

    @Message("The IX looked at what the PeeringDB check found and accepts it; your port stays as it is.")
    String reason_FindingAcknowledged();

    @Message("Your sessions with the route servers are switched off until the IX looks at what the PeeringDB check found. Your ZeroTier membership and addresses stay.")
    String reason_Suspended();

    @Message("Approved")
    String decision_Approved();

    @Message("Rejected")
    String decision_Rejected();

    @Message("Established")
    String bgp_established();

    @Message("for {duration}")
    String session_for(String duration);

    @Message("waiting for your router to connect: check that it has joined the ZeroTier network and that its BGP session to {routeServer} is configured as shown below")
    String session_waiting(String routeServer);

    @Message("shut down: your router sent more routes than its limit; reduce them, and the IX can restart the session")
    String session_over_limit();

    @Message("shut down: your router sent more than {limit} routes, its limit here; reduce them, and the IX can restart the session")
    String session_over_limit_of(long limit);

    @Message("less than a minute")
    String duration_moment();

    @Message("{n} {#if n == 1}minute{#else}minutes{/if}")
    String duration_minutes(long n);

    @Message("{n} {#if n == 1}hour{#else}hours{/if}")
    String duration_hours(long n);

    @Message("{n} {#if n == 1}day{#else}days{/if}")
    String duration_days(long n);

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
}
