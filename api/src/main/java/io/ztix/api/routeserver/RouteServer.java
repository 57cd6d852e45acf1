package io.ztix.api.routeserver;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.ztix.api.common.ApiGroup;

/** One BIRD 2 route server of a ZtNetwork, configured over SSH. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("ztrs")
@AdditionalPrinterColumn(name = "Network", jsonPath = ".spec.networkRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ASN", jsonPath = ".spec.asn", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Host", jsonPath = ".spec.ssh.host", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Peers", jsonPath = ".status.peerCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class RouteServer extends CustomResource<RouteServerSpec, RouteServerStatus> implements Namespaced {

    public static final String COND_REACHABLE = "Reachable";
    public static final String COND_CONFIG_APPLIED = "ConfigApplied";
    public static final String COND_READY = "Ready";
    /** True while at least one RTR server is in sync, so BIRD's ROA tables are current. */
    public static final String COND_RPKI_READY = "RpkiReady";
    /** False while a member's IRR lists could not be refreshed or a shrunk list waits for an admin. */
    public static final String COND_IRR_LISTS_CURRENT = "IrrListsCurrent";
}
