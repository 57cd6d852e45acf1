package io.ztix.operator.routeserver;

import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.common.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when a route server may be reconfigured:
 * <ul>
 * <li>batching: a changed configuration waits a short quiet time, and two applies to one route server are
 * at least the apply interval apart, so a burst of JoinRequest changes becomes a few reconfigurations;</li>
 * <li>one at a time per network: route servers of one LAN are never reconfigured at the same moment;</li>
 * <li>canary: a configuration that one route server of the network rejected is not pushed to the others.</li>
 * </ul>
 * State is in memory: only the leader reconciles, and after a restart the first apply simply runs.
 */
@ApplicationScoped
public class ApplyScheduler {

    private final Map<String, Instant> changeSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApply = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> networkLocks = new ConcurrentHashMap<>();
    private final Map<String, Rejection> rejectedByNetwork = new ConcurrentHashMap<>();
    private final OperatorConfig config;
    private final Clock clock;

    public ApplyScheduler(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A configuration one route server of a network rejected. */
    public record Rejection(String routeServer, String configHash, String reason) {
    }

    /** Empty when it may apply now (the caller then holds the network lock and must call {@link #finished}). */
    Optional<Duration> waitBeforeApply(RouteServer routeServer, String desiredHash) {
        String key = key(routeServer);
        Instant now = Instant.now(clock);
        Instant seen = changeSeen.computeIfAbsent(key + "#" + desiredHash, k -> now);
        Instant earliest = seen.plus(config.applyDebounce());
        Instant last = lastApply.get(key);
        if (last != null && last.plus(config.applyInterval()).isAfter(earliest)) {
            earliest = last.plus(config.applyInterval());
        }
        if (earliest.isAfter(now)) {
            return Optional.of(Duration.between(now, earliest));
        }
        if (!networkLock(routeServer).tryLock()) {
            return Optional.of(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    Optional<Rejection> rejectedElsewhere(RouteServer routeServer, String desiredHash) {
        Rejection rejection = rejectedByNetwork.get(networkKey(routeServer));
        return rejection != null && rejection.configHash().equals(desiredHash)
                && !rejection.routeServer().equals(routeServer.getMetadata().getName())
                ? Optional.of(rejection) : Optional.empty();
    }

    /** Releases the network lock after an apply attempt; a rejection by BIRD holds the config back on the others. */
    void finished(RouteServer routeServer, String desiredHash, String rejectionReasonOrNull) {
        String key = key(routeServer);
        lastApply.put(key, Instant.now(clock));
        changeSeen.keySet().removeIf(k -> k.startsWith(key + "#"));
        if (rejectionReasonOrNull != null) {
            rejectedByNetwork.put(networkKey(routeServer),
                    new Rejection(routeServer.getMetadata().getName(), desiredHash, rejectionReasonOrNull));
        } else {
            rejectedByNetwork.computeIfPresent(networkKey(routeServer),
                    (k, r) -> r.routeServer().equals(routeServer.getMetadata().getName()) ? null : r);
        }
        networkLock(routeServer).unlock();
    }

    private ReentrantLock networkLock(RouteServer routeServer) {
        return networkLocks.computeIfAbsent(networkKey(routeServer), k -> new ReentrantLock());
    }

    private static String key(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getMetadata().getName();
    }

    private static String networkKey(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getSpec().networkRef;
    }
}
