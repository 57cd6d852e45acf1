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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    @Inject
    public IrrRegistry(IrrConfig config, IrrStore store, Clock clock) {
        this(new IrrLookup(new Bgpq4(Path.of(config.bgpq4()), config.timeout(), config.maxOutputBytes()), clock)::lookUp,
                store, config.concurrency(), config.retryAfterFailure(), clock);
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
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(store.load(k).orElse(null)));
        boolean start;
        synchronized (entry) {
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

    @PreDestroy
    void stop() {
        pool.shutdownNow();
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

        Entry(IrrLists stored) {
            this.applied = stored;
            this.outcome = stored == null ? IrrListStatus.PENDING : IrrListStatus.APPLIED;
        }
    }
}
