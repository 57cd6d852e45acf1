package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers when each member was last checked at its controller, so that the frequent reconciliations
 * caused by route-server status changes do not each cost a controller round trip. A member is checked
 * again after the resync interval, when its spec changed, or when its network was (re)created on the
 * controller.
 */
final class MemberVerifications {

    private record Verified(Instant at, long generation, String networkCreatedOnController) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    boolean due(JoinRequest request, ZtNetwork network, Duration resync, Clock clock) {
        Verified last = verified.get(request.getMetadata().getUid());
        return last == null
                || last.generation() != request.getMetadata().getGeneration()
                || !Objects.equals(last.networkCreatedOnController(), network.getStatus().createdOnController)
                || !last.at().plus(resync).isAfter(Instant.now(clock));
    }

    void record(JoinRequest request, ZtNetwork network, Clock clock) {
        verified.put(request.getMetadata().getUid(), new Verified(Instant.now(clock),
                request.getMetadata().getGeneration(), network.getStatus().createdOnController));
    }

    void forget(JoinRequest request) {
        verified.remove(request.getMetadata().getUid());
    }
}
