package io.ztix.operator.network;

import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.api.network.ControllerSpec;
import io.ztix.api.network.ZtNetworkSpec;
import io.ztix.operator.network.fabric.FabricRules;
import java.util.ArrayList;
import java.util.List;

/** Spec checks for a ZtNetwork beyond what the CRD schema expresses. */
final class ZtNetworkValidator {

    private ZtNetworkValidator() {
    }

    static List<String> problems(ZtNetworkSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return List.of("spec is missing");
        }
        if (spec.controller == null || spec.controller.provider == null) {
            problems.add("spec.controller.provider is missing");
        } else {
            if (spec.controller.tokenSecretRef == null) {
                problems.add("spec.controller.tokenSecretRef is missing");
            }
            if (spec.controller.provider == ControllerSpec.Provider.Central && spec.networkId == null) {
                problems.add("a Central network must be adopted: set spec.networkId");
            }
            if (spec.controller.provider == ControllerSpec.Provider.Central && spec.idSuffix != null) {
                problems.add("spec.idSuffix applies to self-hosted controllers only");
            }
        }
        if (spec.networkId != null && spec.idSuffix != null) {
            problems.add("set either spec.networkId or spec.idSuffix, not both");
        }
        if (spec.peeringLan == null || spec.peeringLan.ipv6 == null) {
            problems.add("spec.peeringLan.ipv6 is missing");
        } else {
            check(problems, () -> Ipv6Lan.parse(spec.peeringLan.ipv6));
            if (spec.peeringLan.ipv4 != null) {
                check(problems, () -> Ipv4Lan.parse(spec.peeringLan.ipv4));
            }
        }
        problems.addAll(FabricRules.problems(spec.effectiveFabric()));
        return problems;
    }

    private static void check(List<String> problems, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }
}
