package io.ztix.operator.joinrequest;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.network.ZtNetwork;
import java.util.Objects;

/** Which ZtNetwork updates concern its JoinRequests (not counters or member counts). */
final class NetworkChanges {

    private NetworkChanges() {
    }

    static boolean mattersToRequests(ZtNetwork now, ZtNetwork before) {
        return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
                || !Objects.equals(networkId(now), networkId(before))
                || !Objects.equals(createdOnController(now), createdOnController(before))
                || ready(now) != ready(before);
    }

    private static String networkId(ZtNetwork network) {
        return network.getStatus() == null ? null : network.getStatus().networkId;
    }

    private static String createdOnController(ZtNetwork network) {
        return network.getStatus() == null ? null : network.getStatus().createdOnController;
    }

    private static boolean ready(ZtNetwork network) {
        return network.getStatus() != null && Conditions.find(network.getStatus().conditions, ZtNetwork.COND_READY)
                .map(Condition::isTrue).orElse(false);
    }
}
