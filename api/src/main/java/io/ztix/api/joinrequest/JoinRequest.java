package io.ztix.api.joinrequest;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.ztix.api.common.ApiGroup;
import java.util.Locale;

/**
 * One member router asking to join one ZtNetwork. The object name is
 * {@code <networkRef>-as<asn>-<nodeId>}, so Kubernetes itself enforces one request per (network, ASN, node).
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("jr")
// Checked on create only (optionalOldSelf: oldSelf is empty on create). The name and the three fields are immutable, so
// a later check adds nothing, while a root rule re-evaluated on every write would refuse the operator's finalizer and
// status on an object that got into etcd without it: its report (InvalidSpec) could then never be written.
@ValidationRule(value = "oldSelf.hasValue() || self.metadata.name == self.spec.networkRef + '-as' + string(self.spec.asn)"
        + " + '-' + self.spec.nodeId", optionalOldSelf = true, message = "metadata.name must be <networkRef>-as<asn>-<nodeId>")
@AdditionalPrinterColumn(name = "ASN", jsonPath = ".spec.asn", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Node", jsonPath = ".spec.nodeId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Network", jsonPath = ".spec.networkRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "IPv6", jsonPath = ".status.assignedIps.ipv6", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "IPv4", jsonPath = ".status.assignedIps.ipv4", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// kubectl get jr -o wide: who asked, who decided, and where the route servers are
@AdditionalPrinterColumn(name = "Requester", jsonPath = ".spec.requester.name", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Decided By", jsonPath = ".spec.approval.decidedBy",
        type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Route Servers",
        jsonPath = ".status.conditions[?(@.type==\"RouteServersConfigured\")].message",
        type = AdditionalPrinterColumn.Type.STRING, priority = 1)
public class JoinRequest extends CustomResource<JoinRequestSpec, JoinRequestStatus> implements Namespaced {

    public static final String COND_VALID = "Valid";
    public static final String COND_APPROVED = "Approved";
    public static final String COND_MEMBER_AUTHORIZED = "MemberAuthorized";
    public static final String COND_ROUTE_SERVERS_CONFIGURED = "RouteServersConfigured";
    public static final String COND_READY = "Ready";
    /**
     * True while something keeps the operator from verifying or changing an approved member (controller
     * unreachable, token refused, spec changed after admission, ...). The member stays as admitted.
     */
    public static final String COND_DEGRADED = "Degraded";
    /**
     * The last re-check of an admitted member against PeeringDB: True (Passed) while PeeringDB lists its ASN and the
     * network does not ask to stay off route servers; False with the finding as reason. Absent before the first
     * successful check; a failed check changes nothing.
     */
    public static final String COND_MEMBER_CHECK = "MemberCheck";

    /**
     * Label the portal sets on a request that an IX admin must decide even where the network approves automatically;
     * its value says why ({@link #HELD_NEVER_VIA_ROUTE_SERVERS}). The operator never auto-approves a request that has it.
     */
    public static final String LABEL_HELD_FOR_ADMIN = "ztix.io/held-for-admin";
    /** Value of {@link #LABEL_HELD_FOR_ADMIN}: the PeeringDB network says info_never_via_route_servers. */
    public static final String HELD_NEVER_VIA_ROUTE_SERVERS = "never-via-route-servers";

    /** Why an admin must decide this request even where its network approves automatically (the label), or null. */
    public static String heldForAdmin(JoinRequest request) {
        var labels = request.getMetadata() == null ? null : request.getMetadata().getLabels();
        return labels == null ? null : labels.get(LABEL_HELD_FOR_ADMIN);
    }

    /** The only name a request for (network, ASN, node) may have. */
    public static String nameFor(String networkRef, long asn, String nodeId) {
        return networkRef + "-as" + asn + "-" + nodeId.toLowerCase(Locale.ROOT);
    }
}
