package io.ztix.operator.lookingglass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Answers read from BIRD, kept for {@code cacheTime} per query (one member session's accepted or filtered routes,
 * one prefix lookup). Requests for a query that is being read wait for that one read (never a second birdc call);
 * reads per route server are bounded by a semaphore, and a request that cannot get a slot within {@code fetchWait}
 * is refused ({@link Busy}), so a burst of viewers can never load BIRD or queue without end. Failed reads are not
 * kept. The cache holds at most {@code maxRoutes} routes; the oldest answers go first.
 */
final class RouteCache {

    /** What a query is: route server (namespace/name), kind and argument. */
    record Key(String routeServer, String kind, String argument) {
    }

    /** An answer, when it was read, and whether this request shared an earlier (or running) read. */
    record Answer(List<Route> routes, Instant fetchedAt, Instant expiresAt, boolean fromCache) {

        Answer shared() {
            return new Answer(routes, fetchedAt, expiresAt, true);
        }
    }

    /** No fetch slot within the wait: the route server is busy. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private final Duration cacheTime;
    private final int perRouteServer;
    private final Duration fetchWait;
    private final int maxRoutes;
    private final Clock clock;
    private final Map<Key, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    RouteCache(Duration cacheTime, int perRouteServer, Duration fetchWait, int maxRoutes, Clock clock) {
        this.cacheTime = cacheTime;
        this.perRouteServer = perRouteServer;
        this.fetchWait = fetchWait;
        this.maxRoutes = maxRoutes;
        this.clock = clock;
    }

    /**
     * The cached answer, or the one being read, or a new read with {@code fetch}.
     *
     * @throws Busy when no fetch slot frees up within the wait
     * @throws RuntimeException what {@code fetch} threw
     */
    Answer get(Key key, Supplier<List<Route>> fetch) {
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> existing = answers.compute(key, (k, old) -> old == null || expired(old) ? mine : old);
        if (existing != mine) {
            try {
                return existing.get().shared();
            } catch (ExecutionException e) {
                answers.remove(key, existing);
                throw unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy("interrupted while waiting for the route server's answer");
            }
        }
        try {
            Answer answer = read(key, fetch);
            mine.complete(answer);
            trim();
            return answer;
        } catch (RuntimeException | Error e) {
            // an Error too: a future left open would hold this query's waiters, and every later viewer, for ever
            answers.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many reads of this route server are running now (for tests and metrics). */
    int inFlight(String routeServer) {
        return perRouteServer - slot(routeServer).availablePermits();
    }

    /** Forgets what was read from a route server (e.g. after it was deleted). */
    void forget(String routeServer) {
        answers.keySet().removeIf(k -> k.routeServer().equals(routeServer));
    }

    private Answer read(Key key, Supplier<List<Route>> fetch) {
        Semaphore slot = slot(key.routeServer());
        try {
            if (!slot.tryAcquire(fetchWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy("route server " + key.routeServer() + " is answering " + perRouteServer
                        + " other looking-glass queries; try again in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for a fetch slot");
        }
        try {
            List<Route> routes = List.copyOf(fetch.get());
            Instant now = Instant.now(clock);
            return new Answer(routes, now, now.plus(cacheTime), false);
        } finally {
            slot.release();
        }
    }

    private Semaphore slot(String routeServer) {
        return slots.computeIfAbsent(routeServer, k -> new Semaphore(perRouteServer, true));
    }

    private boolean expired(CompletableFuture<Answer> future) {
        if (!future.isDone()) {
            return false;
        }
        if (future.isCompletedExceptionally()) {
            return true;
        }
        return !Instant.now(clock).isBefore(future.join().expiresAt());
    }

    /** Drops expired answers, then the oldest ones while more than maxRoutes routes are held. */
    private void trim() {
        answers.entrySet().removeIf(e -> expired(e.getValue()));
        long held = done().mapToLong(e -> e.getValue().join().routes().size()).sum();
        if (held <= maxRoutes) {
            return;
        }
        for (Map.Entry<Key, CompletableFuture<Answer>> oldest : done()
                .sorted(Comparator.comparing(e -> e.getValue().join().fetchedAt())).toList()) {
            if (held <= maxRoutes) {
                break;
            }
            if (answers.remove(oldest.getKey(), oldest.getValue())) {
                held -= oldest.getValue().join().routes().size();
            }
        }
    }

    private java.util.stream.Stream<Map.Entry<Key, CompletableFuture<Answer>>> done() {
        return answers.entrySet().stream().filter(e -> e.getValue().isDone() && !e.getValue().isCompletedExceptionally());
    }

    private static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
