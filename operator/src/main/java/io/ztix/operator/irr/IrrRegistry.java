package io.ztix.operator.irr;

import io.ztix.api.routeserver.IrrListStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The IRR lists of every member, looked up in the background and kept between lookups. Route servers ask for the
 * lists of a key ({@link #current}) while they plan a configuration; that call never waits for the IRR: it returns
 * what is applied and, when the lists are missing or due for a refresh, starts a lookup on a pool of
 * {@code ztix.irr.concurrency} threads (each bgpq4 run with its own timeout). The next plan picks up the result.
 *
 * <p>Fail static: a failed lookup keeps the applied lists ({@link IrrListStatus#FAILED}) and is retried after
 * {@code ztix.irr.retry-after-failure}; lists that shrank below the route server's threshold are held
 * ({@link IrrListStatus#SHRUNK_HELD}, see {@link ShrinkGuard}) until an admin sets a new value of the JoinRequest
 * annotation {@code ztix.io/accept-irr-lists}. Applied lists are saved to the {@link IrrStore} and read back after
 * a restart, so a restarted operator refreshes on the schedule instead of re-querying everything at once.
 *
 * <p>Lists nobody asks for any more (members who left) are forgotten after {@code ztix.irr.unused-retention}
 * ({@link #sweep}); only the leader plans, so only the leader asks, and only it sweeps.
 */
@ApplicationScoped
public class IrrRegistry {

    private static final Logger LOG = Logger.getLogger(IrrRegistry.class);

    /** Expands a key's objects; {@link IrrLookup} in production. */
    @FunctionalInterface
    public interface Lookup {
        IrrLists lookUp(IrrServer server, List<String> objects) throws IrrLookupException;
    }

    /**
     * One key's state as a route server plans with it.
     *
     * @param applied     the lists in force; empty until a lookup succeeded (or lists were read back)
     * @param outcome     {@link IrrListStatus#APPLIED}, {@code PENDING}, {@code FAILED} or {@code SHRUNK_HELD}
     * @param message     the error or why a list is held; null when applied
     * @param lastAttempt when the last lookup ended; null before the first
     */
    public record Snapshot(Optional<IrrLists> applied, String outcome, String message, Instant lastAttempt) {
    }

    private final Map<IrrKey, Entry> entries = new ConcurrentHashMap<>();
    private final Lookup lookup;
    private final IrrStore store;
    private final ExecutorService pool;
    private final Duration retryAfterFailure;
    private final Clock clock;
    /** When a route server first asked for any lists in this process; null before. */
    private volatile Instant firstWanted;
    private Duration sweepInterval;
    private Duration unusedRetention;
    private ScheduledExecutorService sweeper;

    @Inject
    public IrrRegistry(IrrConfig config, IrrStore store, Clock clock) {
        this(new IrrLookup(new Bgpq4(Path.of(config.bgpq4()), config.timeout(), config.maxOutputBytes()), clock)::lookUp,
                store, config.concurrency(), config.retryAfterFailure(), clock);
        sweepEvery(config.sweepInterval(), config.unusedRetention());
    }

    /** Sweeps every {@code interval} once a route server has asked for lists (without this call: never by itself). */
    public final void sweepEvery(Duration interval, Duration retention) {
        this.sweepInterval = interval;
        this.unusedRetention = retention;
    }

    public IrrRegistry(Lookup lookup, IrrStore store, int concurrency, Duration retryAfterFailure, Clock clock) {
        this.lookup = lookup;
        this.store = store;
        this.retryAfterFailure = retryAfterFailure;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "ztix-irr-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The state of {@code key}; starts a lookup when none succeeded yet, when the applied lists are older than
     * {@code refresh}, or after a failure once {@code ztix.irr.retry-after-failure} has passed.
     *
     * @param shrinkThresholdPercent see {@link ShrinkGuard}
     * @param acceptToken            the member's {@code ztix.io/accept-irr-lists} annotation (null: none); a value
     *                               not seen before applies held lists
     */
    public Snapshot current(IrrKey key, Duration refresh, int shrinkThresholdPercent, String acceptToken) {
        if (firstWanted == null) {
            startSweeping();
        }
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(store.load(k).orElse(null)));
        boolean start;
        synchronized (entry) {
            entry.lastWanted = Instant.now(clock);
            entry.threshold = shrinkThresholdPercent;
            if (acceptToken != null && !acceptToken.equals(entry.acceptedToken)) {
                entry.acceptedToken = acceptToken;
                if (entry.held != null) {
                    apply(key, entry, entry.held);
                    entry.message = "held lists accepted by an admin (" + "ztix.io/accept-irr-lists=" + acceptToken + ")";
                }
            }
            start = !entry.inFlight && due(entry, refresh);
            entry.inFlight |= start;
        }
        if (start) {
            pool.execute(() -> refresh(key, entry));
        }
        synchronized (entry) {
            return new Snapshot(Optional.ofNullable(entry.applied), entry.outcome, entry.message, entry.lastAttempt);
        }
    }

    private boolean due(Entry entry, Duration refresh) {
        Instant now = Instant.now(clock);
        if (entry.lastAttempt == null) {
            return entry.applied == null || !now.isBefore(entry.applied.fetchedAt().plus(refresh));
        }
        Duration wait = IrrListStatus.FAILED.equals(entry.outcome) ? min(retryAfterFailure, refresh) : refresh;
        return !now.isBefore(entry.lastAttempt.plus(wait));
    }

    private void refresh(IrrKey key, Entry entry) {
        IrrLists fresh = null;
        String error = null;
        try {
            fresh = lookup.lookUp(key.server(), key.objects());
        } catch (IrrLookupException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "the lookup failed: " + e;
            LOG.warnf(e, "IRR lookup of %s failed", key.objects());
        }
        synchronized (entry) {
            entry.inFlight = false;
            entry.lastAttempt = Instant.now(clock);
            if (fresh == null) {
                entry.outcome = IrrListStatus.FAILED;
                entry.message = error + (entry.applied == null ? "" : "; the lists from " + entry.applied.fetchedAt()
                        + " stay in force");
                LOG.warnf("IRR lookup of %s at %s failed: %s", key.objects(), key.server().hostAndPort(), error);
                return;
            }
            Optional<String> hold = fresh.sameContent(entry.applied) ? Optional.empty()
                    : ShrinkGuard.hold(entry.applied, fresh, entry.threshold);
            if (hold.isPresent()) {
                entry.held = fresh;
                entry.outcome = IrrListStatus.SHRUNK_HELD;
                entry.message = hold.get();
                LOG.warnf("IRR lists of %s held: %s", key.objects(), hold.get());
                return;
            }
            apply(key, entry, fresh);
        }
    }

    private void apply(IrrKey key, Entry entry, IrrLists lists) {
        boolean changed = !lists.sameContent(entry.applied);
        entry.applied = lists;
        entry.held = null;
        entry.outcome = IrrListStatus.APPLIED;
        entry.message = null;
        if (changed) {
            store.save(key, lists);
        }
    }

    /**
     * Forgets the lists of members who left: keys no route server asked for within {@code unusedFor} are dropped
     * from memory, and every saved copy but those of the keys still known is deleted — including copies an earlier
     * run saved for members who left before this one started, once this process has been asked for lists for
     * {@code unusedFor} (before that, a route server may just not have asked yet). What is asked for again later is
     * looked up again, as for a new member; lists in use are never touched.
     *
     * @return how many saved copies were deleted
     */
    public int sweep(Duration unusedFor) {
        Instant since = firstWanted;
        Instant cutoff = Instant.now(clock).minus(unusedFor);
        if (since == null || since.isAfter(cutoff)) {
            return 0;
        }
        entries.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return !e.getValue().inFlight && e.getValue().lastWanted != null && e.getValue().lastWanted.isBefore(cutoff);
            }
        });
        int deleted = store.sweep(Set.copyOf(entries.keySet()));
        if (deleted > 0) {
            LOG.infof("deleted %d saved IRR list(s) no route server asked for in %s", deleted, unusedFor);
        }
        return deleted;
    }

    private synchronized void startSweeping() {
        if (firstWanted != null) {
            return;
        }
        firstWanted = Instant.now(clock);
        if (sweepInterval == null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ztix-irr-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep(unusedRetention);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not sweep unused IRR lists");
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        pool.shutdownNow();
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Mutable state of one key, guarded by itself. */
    private static final class Entry {
        IrrLists applied;
        IrrLists held;
        String outcome;
        String message;
        Instant lastAttempt;
        boolean inFlight;
        String acceptedToken;
        int threshold = 50;
        Instant lastWanted;

        Entry(IrrLists stored) {
            this.applied = stored;
            this.outcome = stored == null ? IrrListStatus.PENDING : IrrListStatus.APPLIED;
        }
    }
}
