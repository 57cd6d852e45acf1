package io.ztix.api.network;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.ztix.api.common.ApiGroup;

/** One IX peering LAN on a ZeroTier network. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("ztnet")
@AdditionalPrinterColumn(name = "Network ID", jsonPath = ".status.networkId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.controller.provider", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Members", jsonPath = ".status.members", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ZtNetwork extends CustomResource<ZtNetworkSpec, ZtNetworkStatus> implements Namespaced {

    public static final String COND_CONTROLLER_REACHABLE = "ControllerReachable";
    public static final String COND_NETWORK_READY = "NetworkReady";
    public static final String COND_READY = "Ready";
    public static final String COND_FABRIC_RULES = "FabricRulesApplied";
}
