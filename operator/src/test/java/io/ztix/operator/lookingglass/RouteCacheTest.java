package io.ztix.operator.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztix.operator.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouteCacheTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ExecutorService viewers = Executors.newFixedThreadPool(20);

    @AfterEach
    void stopViewers() {
        viewers.shutdownNow();
    }

    private static List<Route> routes(int n) {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            routes.add(new Route("45.128." + i + ".0/24", null, "m", null, true, 100, null, false, null, List.of()));
        }
        return routes;
    }

    private static RouteCache.Key key(String argument) {
        return new RouteCache.Key("ix/rs1", "accepted", argument);
    }

    @Test
    void twentyViewersOfOneSessionCauseOneReadAndLaterOnesAreServedFromMemoryUntilTheCacheTimeEnds() throws Exception {
        RouteCache cache = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(10), 1000, clock);
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<RouteCache.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(viewers.submit(() -> cache.get(key("m_as64501_aaaa000001_v4"), () -> {
                reads.incrementAndGet();
                await(release);
                return routes(3);
            })));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<RouteCache.Answer> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).routes()).hasSize(3);
        }
        assertThat(reads).hasValue(1);

        clock.now = clock.now.plusSeconds(59);
        assertThat(cache.get(key("m_as64501_aaaa000001_v4"), () -> routes(reads.incrementAndGet())).fromCache()).isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get(key("m_as64501_aaaa000001_v4"), () -> routes(reads.incrementAndGet())).fromCache()).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aBurstOfDifferentQueriesNeverRunsMoreReadsAtOnceThanTheLimit() throws Exception {
        RouteCache cache = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(30), 1000, clock);
        AtomicInteger running = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<Future<RouteCache.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String session = "m_as6450" + i % 10 + "_aaaa00000" + i % 10 + "_v" + (i < 10 ? 4 : 6);
            answers.add(viewers.submit(() -> cache.get(key(session), () -> {
                seen.add(running.incrementAndGet());
                sleep(50);
                running.decrementAndGet();
                return routes(1);
            })));
        }
        for (Future<RouteCache.Answer> answer : answers) {
            answer.get(30, TimeUnit.SECONDS);
        }
        assertThat(seen).hasSize(12);
        assertThat(seen).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    }

    @Test
    void aQueryThatCannotGetASlotInTimeIsToldTheRouteServerIsBusy() throws Exception {
        RouteCache cache = new RouteCache(Duration.ofSeconds(60), 1, Duration.ofMillis(100), 1000, clock);
        CountDownLatch release = new CountDownLatch(1);
        Future<RouteCache.Answer> slow = viewers.submit(() -> cache.get(key("a"), () -> {
            await(release);
            return routes(1);
        }));
        Thread.sleep(100);

        assertThatThrownBy(() -> cache.get(key("b"), () -> routes(1))).isInstanceOf(RouteCache.Busy.class)
                .hasMessageContaining("try again");
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).routes()).hasSize(1);
    }

    @Test
    void aFailedReadIsNotKept() {
        RouteCache cache = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(1), 1000, clock);

        assertThatThrownBy(() -> cache.get(key("a"), () -> {
            throw new IllegalStateException("ssh down");
        })).hasMessage("ssh down");
        assertThat(cache.get(key("a"), () -> routes(2)).routes()).hasSize(2);
    }

    @Test
    void aReadThatDiesOfAnErrorIsNotKeptEitherAndNobodyWaitsForItForever() throws Exception {
        RouteCache cache = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(1), 1000, clock);

        assertThatThrownBy(() -> cache.get(key("a"), () -> {
            throw new StackOverflowError("parser");
        })).isInstanceOf(StackOverflowError.class);
        Future<RouteCache.Answer> next = viewers.submit(() -> cache.get(key("a"), () -> routes(2)));
        assertThat(next.get(10, TimeUnit.SECONDS).routes()).hasSize(2);
    }

    @Test
    void theOldestAnswersAreDroppedWhenMoreRoutesThanTheBoundAreHeld() {
        RouteCache cache = new RouteCache(Duration.ofSeconds(60), 2, Duration.ofSeconds(1), 10, clock);
        cache.get(key("old"), () -> routes(6));
        clock.now = clock.now.plusSeconds(1);
        cache.get(key("new"), () -> routes(6));

        AtomicInteger reads = new AtomicInteger();
        assertThat(cache.get(key("new"), () -> routes(reads.incrementAndGet())).fromCache()).isTrue();
        assertThat(cache.get(key("old"), () -> routes(reads.incrementAndGet())).fromCache()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
