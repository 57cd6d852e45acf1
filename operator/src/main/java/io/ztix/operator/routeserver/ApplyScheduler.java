package io.ztix.operator.routeserver;

import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RolloutStatus;
import io.ztix.api.routeserver.RolloutStatus.Phase;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.RenderedConfig;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.routeserver.gate.HealthGate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a route server may be reconfigured, and remembers what is in flight:
 * <ul>
 * <li>batching: a changed configuration waits a short quiet time (apply-debounce after the latest change, but
 * at most apply-interval after the first change not yet applied, so a steady trickle cannot postpone it; while
 * approved requests of the network still wait for their admission, at most {@value #PENDING_ADMISSIONS_CAP} apply
 * intervals, so that a burst still being admitted is applied once, after it, not in two parts), and two
 * applies to one route server are at least the apply interval apart, so a burst of JoinRequest changes becomes a
 * few reconfigurations;</li>
 * <li>one at a time per network: a route server takes the network's slot to apply and keeps it while its
 * health check settles, so route servers of one LAN are never changed (or hurt) at the same time;</li>
 * <li>canary: while one route server of a network had its configuration refused by BIRD or rolled back by the
 * health check (status.rollout phase Refused, RolledBack or RollbackFailed), the others apply nothing new. The
 * hold ends when that route server runs a healthy configuration again or an admin retries it.</li>
 * </ul>
 * Holds are read from the RouteServers' status (so they survive a restart) and, for the moment before that status
 * is written, from memory. Slots, pending health checks and the parts of the running configurations are in
 * memory: only the leader reconciles; after a restart a settling check resumes from status.
 */
@ApplicationScoped
public class ApplyScheduler {

    /** While approvals wait for admission, the quiet time ends at most this many apply intervals after the first change. */
    static final int PENDING_ADMISSIONS_CAP = 3;

    private final Map<String, PendingChange> changes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastApply = new ConcurrentHashMap<>();
    private final Map<String, String> slots = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final Map<String, RenderedConfig> running = new ConcurrentHashMap<>();
    private final Map<String, PendingCheck> checks = new ConcurrentHashMap<>();
    private final OperatorConfig config;
    private final Clock clock;

    public ApplyScheduler(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Why a route server does not apply its desired configuration now. */
    public record Hold(String routeServer, Phase phase, String message, boolean own) {
    }

    /**
     * A health check in progress: the gate, the sessions of the configuration it replaced and the applied
     * configuration (both null when the check was resumed from status after a restart).
     */
    record PendingCheck(HealthGate gate, List<PeerStatus> previousPeers, RenderedConfig applied) {
    }

    /**
     * The hold that keeps {@code routeServer} from applying: its own rolled-back configuration (same harm
     * fingerprint), or another route server of the network that is held, settling or refused.
     *
     * @param siblings         the RouteServers of the same network (as cached)
     * @param ownFingerprint   the harm fingerprint of the desired configuration, for comparison with a rollback
     */
    Optional<Hold> holdFor(RouteServer routeServer, Collection<RouteServer> siblings, String ownFingerprint) {
        RolloutStatus own = routeServer.getStatus() == null ? null : routeServer.getStatus().rollout;
        String name = routeServer.getMetadata().getName();
        if (own != null && (own.phase == Phase.RolledBack || own.phase == Phase.RollbackFailed)
                && own.harmFingerprint != null && own.harmFingerprint.equals(ownFingerprint)) {
            return Optional.of(new Hold(name, own.phase, own.message, true));
        }
        Hold remembered = holds.get(networkKey(routeServer));
        if (remembered != null && !remembered.routeServer().equals(name)) {
            return Optional.of(remembered);
        }
        for (RouteServer sibling : siblings) {
            RolloutStatus rollout = sibling.getStatus() == null ? null : sibling.getStatus().rollout;
            if (sibling.getMetadata().getName().equals(name) || rollout == null || rollout.phase == null
                    || rollout.phase == Phase.Confirmed) {
                continue;
            }
            if (rollout.phase != Phase.Settling || !checks.containsKey(key(sibling))) {
                // held, refused, or a health check a previous leader started and the sibling has not resumed yet
                return Optional.of(new Hold(sibling.getMetadata().getName(), rollout.phase, rollout.message, false));
            }
        }
        return Optional.empty();
    }

    /**
     * Empty when it may apply now: the caller then holds the network's slot and must {@link #release} it (or
     * keep it for a health check it starts).
     *
     * @param existing "namespace/name" of the route servers that still exist (a deleted slot owner frees the slot)
     * @param admissionsPending approved requests of the network are not admitted yet (their admissions would each
     *                          change the configuration again): the quiet time may then run past the usual cap
     */
    Optional<Duration> waitBeforeApply(RouteServer routeServer, String desiredHash, Set<String> existing,
            boolean admissionsPending) {
        String key = key(routeServer);
        Instant now = Instant.now(clock);
        PendingChange change = changes.compute(key, (k, seen) -> seen == null ? new PendingChange(desiredHash, now, now)
                : seen.hash().equals(desiredHash) ? seen : new PendingChange(desiredHash, seen.firstSeen(), now));
        Duration cap = admissionsPending ? maxDelay().multipliedBy(PENDING_ADMISSIONS_CAP) : maxDelay();
        Instant earliest = change.earliestApply(config.applyDebounce(), cap);
        Instant last = lastApply.get(key);
        if (last != null && last.plus(config.applyInterval()).isAfter(earliest)) {
            earliest = last.plus(config.applyInterval());
        }
        if (earliest.isAfter(now)) {
            return Optional.of(Duration.between(now, earliest));
        }
        String network = networkKey(routeServer);
        slots.computeIfPresent(network, (n, owner) -> existing.contains(owner) ? owner : null);
        String owner = slots.putIfAbsent(network, key);
        if (owner != null && !owner.equals(key)) {
            return Optional.of(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    /** Takes the slot for a health check resumed after a restart; false if another route server has it. */
    boolean takeSlotForCheck(RouteServer routeServer) {
        String owner = slots.putIfAbsent(networkKey(routeServer), key(routeServer));
        return owner == null || owner.equals(key(routeServer));
    }

    /** An apply attempt ended (applied, unchanged or failed): the next one waits the apply interval. */
    void attempted(RouteServer routeServer) {
        String key = key(routeServer);
        lastApply.put(key, Instant.now(clock));
        changes.remove(key);
    }

    /** Gives the network's slot back, if this route server holds it. */
    void release(RouteServer routeServer) {
        slots.remove(networkKey(routeServer), key(routeServer));
    }

    void startCheck(RouteServer routeServer, HealthGate gate, List<PeerStatus> previousPeers, RenderedConfig applied) {
        checks.put(key(routeServer), new PendingCheck(gate, previousPeers == null ? null : List.copyOf(previousPeers), applied));
    }

    Optional<PendingCheck> pendingCheck(RouteServer routeServer) {
        return Optional.ofNullable(checks.get(key(routeServer)));
    }

    /** The check ended: the slot is free again; a healthy result ends this route server's hold on the network. */
    void checkEnded(RouteServer routeServer, boolean healthy) {
        checks.remove(key(routeServer));
        if (healthy) {
            clearHold(routeServer);
        }
        release(routeServer);
    }

    /** This route server's configuration was refused or rolled back: the others of the network wait. */
    void hold(RouteServer routeServer, Phase phase, String message) {
        holds.put(networkKey(routeServer), new Hold(routeServer.getMetadata().getName(), phase, message, false));
    }

    /** Ends the hold this route server put on its network (healthy again, or an admin retried it). */
    void clearHold(RouteServer routeServer) {
        holds.computeIfPresent(networkKey(routeServer),
                (k, h) -> h.routeServer().equals(routeServer.getMetadata().getName()) ? null : h);
    }

    /** The configuration BIRD runs now (known parts let the health check watch only what a change touches). */
    void running(RouteServer routeServer, RenderedConfig config) {
        running.put(key(routeServer), config);
    }

    Optional<RenderedConfig> running(RouteServer routeServer, String hash) {
        RenderedConfig config = running.get(key(routeServer));
        return config != null && config.sha256().equals(hash) ? Optional.of(config) : Optional.empty();
    }

    /** Forgets a deleted route server. */
    void forget(String namespacedName) {
        running.remove(namespacedName);
        checks.remove(namespacedName);
        lastApply.remove(namespacedName);
        slots.values().removeIf(namespacedName::equals);
        holds.entrySet().removeIf(e -> (e.getKey().substring(0, e.getKey().indexOf('/')) + "/" + e.getValue().routeServer())
                .equals(namespacedName));
    }

    /**
     * The longest a change waits for quiet: a steady trickle of changes (every approval changes the desired
     * configuration) must not postpone the apply forever, so the quiet time ends at the apply interval after the
     * first change not yet applied, at the latest.
     */
    private Duration maxDelay() {
        return config.applyInterval().compareTo(config.applyDebounce()) > 0 ? config.applyInterval() : config.applyDebounce();
    }

    /**
     * The first change not yet applied and the latest one: the apply waits for {@code debounce} of quiet after the
     * latest, but never longer than {@code maxDelay} after the first.
     */
    record PendingChange(String hash, Instant firstSeen, Instant lastChanged) {
        Instant earliestApply(Duration debounce, Duration maxDelay) {
            Instant quiet = lastChanged.plus(debounce);
            Instant cap = firstSeen.plus(maxDelay);
            return quiet.isBefore(cap) ? quiet : cap;
        }
    }

    static String key(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getMetadata().getName();
    }

    private static String networkKey(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getSpec().networkRef;
    }
}
