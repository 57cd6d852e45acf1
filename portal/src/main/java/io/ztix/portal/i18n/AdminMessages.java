package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin pages: the pending queue with its flags, approval preview and kubectl lines, the audit log and
 * the list of notifications sent.
 * Templates read them as {@code {admin:key}}; translations in messages/admin_zh_CN.properties and
 * messages/admin_he.properties.
 */
@MessageBundle(value = "admin", locale = "en-US")
public interface AdminMessages {

    @Message("Requests waiting for a decision")
    String pending_title();

    @Message("Nothing is waiting.")
    String pending_empty();

    @Message("Members the PeeringDB re-check found something on")
    String findings_title();

    @Message("Suspended: its sessions are disabled on the route servers until you decide.")
    String findings_suspended();

    @Message("Acknowledge the finding (the member stays; replace the reason)")
    String kubectl_acknowledge();

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

    @Message("Approve")
    String kubectl_approve();

    @Message("Reject (replace the reason)")
    String kubectl_reject();

    @Message("Node ID conflict: another live request on this peering LAN has the same ZeroTier node ID. Approve at most one of them; the operator refuses a node that another approved request holds.")
    String admin_node_conflict();

    @Message("Held for an admin: PeeringDB says this network is never via route servers, so it is not approved automatically. Approve it only if the network really means to peer with the route servers.")
    String admin_held_never_via_rs();

    @Message("This request is not valid, so there is no line to approve it. Reject it, or fix the cause first.")
    String admin_not_valid();

    @Message("Over the quota for one person: the requester has {count} live requests, at most {limit} are allowed. The others:")
    String admin_quota_user(int count, int limit);

    @Message("Over the quota for one network: this ASN has {count} live requests on this peering LAN, at most {limit} are allowed. The others:")
    String admin_quota_asn(int count, int limit);

    @Message("Over the quota of this peering LAN: it has {count} live requests, at most {limit} are allowed.")
    String admin_quota_network(int count, int limit);

    @Message("Run as a member of an approver group: decidedBy is your own Kubernetes user name (kubectl auth whoami), as the admission policy requires.")
    String kubectl_whoami_hint();

    @Message("Notifications sent")
    String notifications_title();

    @Message("No notifications yet.")
    String notifications_empty();

    @Message("delivered")
    String delivery_delivered();

    @Message("waiting")
    String delivery_pending();

    @Message("retrying")
    String delivery_retrying();

    @Message("given up")
    String delivery_failed();

    @Message("What approval will do")
    String preview_title();

    @Message("Addresses: the next IPv6 number of this ASN on the peering LAN and the next free IPv4 address, assigned only when the request is approved.")
    String preview_addresses();

    @Message("IPv6, which approval assigns:")
    String preview_ipv6();

    @Message("IPv4, next free now (an approval of another request first takes it):")
    String preview_ipv4();

    @Message("Approval would fail: the peering LAN has no address left for this request.")
    String preview_no_address();

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

    @Message("Prefix lookup")
    String prefix_title();

    @Message("Which member announces a prefix, and is it accepted? Every route server's routes for exactly this network, from the looking glass.")
    String prefix_intro();

    @Message("Prefix")
    String prefix_label();

    @Message("Look up")
    String prefix_submit();

    @Message("Not a prefix: enter a network such as 193.0.10.0/24 or 2001:db8::/32 ({detail}).")
    String prefix_invalid(String detail);

    @Message("No route server has a route for {network}.")
    String prefix_none(String network);

    @Message("Route server {name}")
    String prefix_route_server(String name);

    @Message("The looking glass of route server {name} cannot answer right now; its routes are missing below.")
    String prefix_unavailable(String name);

    @Message("Member")
    String prefix_col_member();

    @Message("Route server's decision")
    String prefix_col_state();

    @Message("accepted")
    String prefix_accepted();

    @Message("filtered")
    String prefix_filtered();

    @Message("The first {shown} of {total} routes.")
    String prefix_more(int shown, int total);
}
