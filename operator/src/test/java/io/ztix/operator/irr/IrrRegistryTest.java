package io.ztix.operator.irr;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.api.routeserver.IrrListStatus;
import io.ztix.operator.testsupport.MovableClock;
import io.ztix.testing.RealTools;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background lookups with the real bgpq4 against the IRRd stand-in: schedule, fail static, shrink guard, restart. */
class IrrRegistryTest {

    private static final Duration REFRESH = Duration.ofHours(6);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final MapStore store = new MapStore();
    private IrrdStandIn irrd;
    private IrrLookup lookup;
    private IrrKey foo;

    @BeforeEach
    void startIrrd() {
        irrd = new IrrdStandIn().asSet("RIPE", "AS-FOO", "AS3333", "AS15562")
                .routes("RIPE", 3333, "193.0.0.0/21", "193.0.16.0/21", "2001:67c:2e8::/48")
                .routes("RIPE", 15562, "185.1.2.0/24");
        lookup = new IrrLookup(new Bgpq4(RealTools.require("bgpq4", "/usr/bin/bgpq4"), Duration.ofSeconds(10), 64L << 20),
                clock);
        foo = new IrrKey(irrd.address(), List.of("AS-FOO"));
    }

    @AfterEach
    void stopIrrd() {
        irrd.close();
    }

    @Test
    void theFirstAnswerIsPendingAndTheListsArriveInTheBackground() {
        IrrRegistry registry = registry(4);

        IrrRegistry.Snapshot first = registry.current(foo, REFRESH, 50, null);

        assertEquals(IrrListStatus.PENDING, first.outcome());
        assertEquals(Optional.empty(), first.applied());
        IrrRegistry.Snapshot applied = awaitOutcome(registry, foo, IrrListStatus.APPLIED);
        assertEquals(List.of(3333L, 15562L), applied.applied().orElseThrow().asns());
        assertEquals(3, applied.applied().orElseThrow().ipv4().size());
        assertTrue(store.saved.containsKey(foo), "applied lists are saved");
    }

    @Test
    void listsAreNotLookedUpAgainUntilTheRefreshIsDue() {
        IrrRegistry registry = registry(4);
        awaitOutcome(registry, foo, IrrListStatus.APPLIED);
        int queries = irrd.queries().size();

        clock.now = clock.now.plus(REFRESH.minusMinutes(1));
        registry.current(foo, REFRESH, 50, null);
        assertEquals(queries, irrd.queries().size(), "not due yet");

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        registry.current(foo, REFRESH, 50, null);
        await().atMost(WAIT).until(() -> irrd.queries().size() > queries);
    }

    @Test
    void aFailedRefreshKeepsTheAppliedListsAndSaysWhy() {
        IrrRegistry registry = registry(4);
        IrrLists before = awaitOutcome(registry, foo, IrrListStatus.APPLIED).applied().orElseThrow();
        irrd.failing("Internal server error");
        clock.now = clock.now.plus(REFRESH);

        registry.current(foo, REFRESH, 50, null);
        IrrRegistry.Snapshot failed = awaitOutcome(registry, foo, IrrListStatus.FAILED);

        assertEquals(before, failed.applied().orElseThrow());
        assertTrue(failed.message().contains("Internal server error"), failed.message());
        assertTrue(failed.message().contains("stay in force"), failed.message());
    }

    @Test
    void afterAFailureTheNextAttemptWaitsForTheRetryDelayNotTheWholeRefresh() {
        irrd.close();
        IrrRegistry registry = registry(4);
        awaitOutcome(registry, foo, IrrListStatus.FAILED);
        IrrdStandIn back = new IrrdStandIn().asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21");
        try {
            IrrKey moved = new IrrKey(back.address(), List.of("AS-FOO"));
            IrrRegistry second = registry(4);
            back.failing("busy");
            awaitOutcome(second, moved, IrrListStatus.FAILED);
            back.healthy();
            clock.now = clock.now.plus(Duration.ofMinutes(6));
            assertEquals(List.of(3333L), awaitOutcome(second, moved, IrrListStatus.APPLIED).applied().orElseThrow().asns());
        } finally {
            back.close();
        }
    }

    @Test
    void aWildlyShrunkListIsHeldUntilAnAdminAcceptsIt() {
        IrrRegistry registry = registry(4);
        IrrLists before = awaitOutcome(registry, foo, IrrListStatus.APPLIED).applied().orElseThrow();
        irrd.clearRoutes(3333);
        clock.now = clock.now.plus(REFRESH);

        registry.current(foo, REFRESH, 50, "first-look");
        IrrRegistry.Snapshot held = awaitOutcome(registry, foo, IrrListStatus.SHRUNK_HELD);

        assertEquals(before, held.applied().orElseThrow(), "the applied lists stay");
        assertTrue(held.message().contains("1 IPv4 entries where 3 are applied"), held.message());
        assertEquals(IrrListStatus.SHRUNK_HELD, registry.current(foo, REFRESH, 50, "first-look").outcome(),
                "a value seen before accepts nothing");
        IrrRegistry.Snapshot accepted = registry.current(foo, REFRESH, 50, "accept-1");
        assertEquals(IrrListStatus.APPLIED, accepted.outcome());
        assertEquals(1, accepted.applied().orElseThrow().ipv4().size());
    }

    @Test
    void aRestartedOperatorUsesTheSavedListsAndRefreshesOnSchedule() {
        IrrRegistry before = registry(4);
        IrrLists saved = awaitOutcome(before, foo, IrrListStatus.APPLIED).applied().orElseThrow();
        int queries = irrd.queries().size();

        IrrRegistry restarted = registry(4);
        IrrRegistry.Snapshot first = restarted.current(foo, REFRESH, 50, null);

        assertEquals(IrrListStatus.APPLIED, first.outcome());
        assertEquals(saved, first.applied().orElseThrow());
        assertEquals(queries, irrd.queries().size(), "nothing is looked up again before it is due");
    }

    @Test
    void noMoreLookupsRunAtOnceThanTheConcurrencyAllows() {
        irrd.slow(Duration.ofMillis(150));
        IrrRegistry registry = registry(2);
        List<IrrKey> keys = List.of("AS-FOO", "AS3333", "AS15562", "AS-FOO AS3333", "AS-FOO AS15562", "AS3333 AS15562")
                .stream().map(objects -> new IrrKey(irrd.address(), List.of(objects.split(" ")))).toList();

        keys.forEach(key -> registry.current(key, REFRESH, 50, null));

        keys.forEach(key -> awaitOutcome(registry, key, IrrListStatus.APPLIED));
        assertTrue(irrd.mostConcurrentConnections() <= 2, "at most 2 bgpq4 at once, saw " + irrd.mostConcurrentConnections());
    }

    @Test
    void listsNoRouteServerAskedForWithinTheRetentionAreForgottenAndTheirSavedCopyDeleted() {
        IrrRegistry registry = registry(4);
        IrrKey left = new IrrKey(irrd.address(), List.of("AS15562"));
        awaitOutcome(registry, foo, IrrListStatus.APPLIED);
        awaitOutcome(registry, left, IrrListStatus.APPLIED);

        clock.now = clock.now.plus(Duration.ofHours(12));
        registry.current(foo, REFRESH, 50, null); // foo's member is still there; left's member left
        clock.now = clock.now.plus(Duration.ofHours(13));

        assertEquals(1, registry.sweep(Duration.ofHours(24)));
        assertEquals(Set.of(foo), store.saved.keySet(), "only the lists still in use are kept");
        assertEquals(IrrListStatus.APPLIED, registry.current(foo, REFRESH, 50, null).outcome());
        assertEquals(IrrListStatus.PENDING, registry.current(left, REFRESH, 50, null).outcome(),
                "asked for again, the lists are looked up again as for a new member");
    }

    @Test
    void listsAnEarlierRunSavedAreDeletedOnlyOnceThisRunHasBeenAskingForTheRetention() {
        IrrKey left = new IrrKey(irrd.address(), List.of("AS15562"));
        IrrRegistry earlier = registry(4);
        awaitOutcome(earlier, foo, IrrListStatus.APPLIED);
        awaitOutcome(earlier, left, IrrListStatus.APPLIED);

        IrrRegistry restarted = registry(4);
        assertEquals(0, restarted.sweep(Duration.ofHours(24)), "nothing asked yet: a route server may not have planned");
        restarted.current(foo, REFRESH, 50, null);
        clock.now = clock.now.plus(Duration.ofHours(23));
        restarted.current(foo, REFRESH, 50, null);
        assertEquals(0, restarted.sweep(Duration.ofHours(24)), "asked for less than the retention");
        assertEquals(Set.of(foo, left), store.saved.keySet());

        clock.now = clock.now.plus(Duration.ofHours(2));
        restarted.current(foo, REFRESH, 50, null);
        assertEquals(1, restarted.sweep(Duration.ofHours(24)));
        assertEquals(Set.of(foo), store.saved.keySet(), "what no route server asked for since the restart is deleted");
    }

    @Test
    void theLeaderSweepsOnItsOwnOnceRouteServersAskForLists() {
        IrrKey left = new IrrKey(irrd.address(), List.of("AS15562"));
        awaitOutcome(registry(4), left, IrrListStatus.APPLIED); // an earlier run's member who has left since
        IrrRegistry registry = registry(4);
        registry.sweepEvery(Duration.ofMillis(100), Duration.ofHours(24));
        registry.current(foo, REFRESH, 50, null);

        clock.now = clock.now.plus(Duration.ofHours(25));
        registry.current(foo, REFRESH, 50, null);

        await("the sweep").atMost(WAIT).until(() -> !store.saved.containsKey(left));
        assertTrue(store.saved.containsKey(foo), "lists in use are kept");
        registry.stop();
    }

    private IrrRegistry registry(int concurrency) {
        return new IrrRegistry(lookup::lookUp, store, concurrency, Duration.ofMinutes(5), clock);
    }

    private static IrrRegistry.Snapshot awaitOutcome(IrrRegistry registry, IrrKey key, String outcome) {
        IrrRegistry.Snapshot[] last = new IrrRegistry.Snapshot[1];
        await(key + " " + outcome).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = registry.current(key, REFRESH, 50, null);
            return outcome.equals(last[0].outcome());
        });
        return last[0];
    }

    /** Saved lists in memory, as a restart that keeps the ConfigMaps sees them. */
    private static final class MapStore implements IrrStore {
        final Map<IrrKey, IrrLists> saved = new ConcurrentHashMap<>();

        @Override
        public Optional<IrrLists> load(IrrKey key) {
            return Optional.ofNullable(saved.get(key));
        }

        @Override
        public void save(IrrKey key, IrrLists lists) {
            saved.put(key, lists);
        }

        @Override
        public int sweep(Set<IrrKey> keep) {
            int before = saved.size();
            saved.keySet().retainAll(keep);
            return before - saved.size();
        }
    }
}
