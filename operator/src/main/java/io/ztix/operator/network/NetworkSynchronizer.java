package io.ztix.operator.network;

import io.ztix.api.network.ControllerSpec.Provider;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.operator.network.fabric.FabricRules;
import io.ztix.operator.zerotier.ControllerStatus;
import io.ztix.operator.zerotier.Drift;
import io.ztix.operator.zerotier.NetworkInfo;
import io.ztix.operator.zerotier.NetworkSettings;
import io.ztix.operator.zerotier.ZeroTierController;
import io.ztix.operator.zerotier.ZeroTierException;
import io.ztix.operator.zerotier.rules.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Brings one ZtNetwork's network on its controller in line with the spec: observe, compare, act. Writes
 * happen only when something differs, so running it again changes nothing at the controller.
 */
@ApplicationScoped
public class NetworkSynchronizer {

    public Result synchronize(ZtNetwork network, ZeroTierController controller) {
        ZtNetworkSpec spec = network.getSpec();
        ControllerStatus controllerStatus = controller.status();
        if (!controllerStatus.databaseReady()) {
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, "the controller's database is not ready yet");
        }
        Optional<RuleSet> rules = FabricRules.forNetwork(spec.effectiveFabric(), spec.peeringLan.ipv6, spec.peeringLan.ipv4);
        NetworkSettings desired = NetworkSettings.forPeeringLan(spec.effectiveName(network.getMetadata().getName()),
                spec.peeringLan.ipv6, spec.peeringLan.ipv4, spec.effectiveMtu()).withRules(rules.orElse(null));
        String knownId = knownNetworkId(network);
        Optional<NetworkInfo> current = knownId == null ? Optional.empty() : controller.getNetwork(knownId);

        if (current.isEmpty()) {
            if (spec.controller.provider == Provider.Central) {
                throw new ZeroTierException(ZeroTierException.Kind.NOT_FOUND, "network " + knownId
                        + " does not exist on ZeroTier Central, or the token cannot see it");
            }
            String suffix = suffixToCreate(spec, knownId, controllerStatus.controllerAddress());
            NetworkInfo created = controller.createNetwork(suffix, desired);
            boolean recreated = knownId != null;
            return new Result(created.id(), controllerStatus, controller.listMembers(created.id()).size(), true, rules,
                    Optional.of(new Event(recreated ? "NetworkRecreated" : "NetworkCreated", (recreated
                            ? "Network " + created.id() + " was missing on the controller and has been recreated"
                            : "Created network " + created.id()) + " on controller " + controllerStatus.controllerAddress())));
        }
        Optional<Event> event = Optional.empty();
        Optional<String> difference = Drift.networkDifference(desired, current.get());
        if (difference.isPresent()) {
            controller.updateNetwork(current.get().id(), desired);
            event = Optional.of(new Event("NetworkUpdated", "Corrected the settings of network " + current.get().id()
                    + " on the controller (" + difference.get() + " differed from the spec)"));
        }
        return new Result(current.get().id(), controllerStatus, controller.listMembers(current.get().id()).size(),
                false, rules, event);
    }

    private static String knownNetworkId(ZtNetwork network) {
        if (network.getSpec().networkId != null) {
            return network.getSpec().networkId;
        }
        return network.getStatus() == null ? null : network.getStatus().networkId;
    }

    /**
     * The suffix for creating a self-hosted network: the spec's idSuffix; the suffix of a network that
     * existed before (so a replaced controller gets the same ID back); or null for a random ID.
     */
    private static String suffixToCreate(ZtNetworkSpec spec, String knownId, String controllerAddress) {
        if (knownId != null) {
            if (!knownId.startsWith(controllerAddress)) {
                throw new ZeroTierException(ZeroTierException.Kind.PERMANENT, "network " + knownId
                        + " does not exist and cannot be created on controller " + controllerAddress
                        + ": a self-hosted controller only serves network IDs that start with its own address");
            }
            return knownId.substring(controllerAddress.length());
        }
        return spec.idSuffix;
    }

    /**
     * What the controller holds now.
     *
     * @param rules the flow rules in place (read back), empty when ZT-IX does not manage them
     */
    public record Result(String networkId, ControllerStatus controller, int members, boolean created,
            Optional<RuleSet> rules, Optional<Event> event) {
    }

    /** Something worth a Kubernetes Event. */
    public record Event(String reason, String message) {
    }
}
