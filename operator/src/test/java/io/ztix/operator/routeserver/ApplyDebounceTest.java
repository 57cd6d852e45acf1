package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerSpec;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.testsupport.MovableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quiet time before an apply, with production settings (apply-debounce 2 s, apply-interval 10 s). */
class ApplyDebounceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T15:00:00Z"));
    private final ApplyScheduler scheduler = new ApplyScheduler(config(Duration.ofSeconds(2), Duration.ofSeconds(10)), clock);
    private final RouteServer rs1 = routeServer("rs1");

    @Test
    void aBurstThatEndsIsAppliedAfterTwoSecondsOfQuiet() {
        assertThat(waitFor("hash-1")).contains(Duration.ofSeconds(2));
        clock.now = clock.now.plusSeconds(1);
        assertThat(waitFor("hash-2")).contains(Duration.ofSeconds(2));
        clock.now = clock.now.plusSeconds(2);
        assertThat(waitFor("hash-2")).isEmpty();
    }

    @Test
    void aChangeEverySecondIsAppliedTenSecondsAfterTheFirstNotPostponedForever() {
        for (int second = 0; second < 10; second++) {
            assertThat(waitFor("hash-" + second)).as("second %d", second).isPresent();
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(waitFor("hash-10")).isEmpty();
    }

    @Test
    void whileApprovedRequestsAwaitAdmissionTheBurstIsAppliedAfterItsQuietNotAtTheCap() {
        // the burst of issue 14: admissions go on for 16 s after the first one reached the route server
        changeEverySecondWhileAdmissionsPending(16);
        assertThat(waitFor("hash-15", true)).as("1 s of quiet").contains(Duration.ofSeconds(1));
        clock.now = clock.now.plusSeconds(1);
        assertThat(waitFor("hash-15", true)).isEmpty();
    }

    @Test
    void onceEveryApprovedRequestIsAdmittedTheUsualCapHolds() {
        changeEverySecondWhileAdmissionsPending(12);
        assertThat(waitFor("hash-12", false)).isEmpty();
    }

    @Test
    void requestsThatStayUnadmittedPostponeTheApplyAtMostThreeApplyIntervals() {
        changeEverySecondWhileAdmissionsPending(30);
        assertThat(waitFor("hash-30", true)).isEmpty();
    }

    @Test
    void afterAnApplyTheNextChangeWaitsTheApplyIntervalAndItsOwnCap() {
        clock.now = clock.now.plusSeconds(2);
        waitFor("hash-1");
        clock.now = clock.now.plusSeconds(2);
        assertThat(waitFor("hash-1")).isEmpty();

        clock.now = clock.now.plusSeconds(1);
        assertThat(waitFor("hash-2")).contains(Duration.ofSeconds(9));
        for (int second = 0; second < 9; second++) {
            clock.now = clock.now.plusSeconds(1);
            assertThat(waitFor("hash-2-" + second)).isPresent();
        }
        clock.now = clock.now.plusSeconds(1);
        assertThat(waitFor("hash-2-last")).isEmpty();
    }

    @Test
    void goingBackToTheAppliedConfigurationStillWaitsForQuiet() {
        assertThat(waitFor("hash-1")).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(waitFor("hash-0")).contains(Duration.ofSeconds(2));
    }

    /** A new configuration every second, each still waiting, while approved requests wait for admission. */
    private void changeEverySecondWhileAdmissionsPending(int seconds) {
        for (int second = 0; second < seconds; second++) {
            assertThat(waitFor("hash-" + second, true)).as("second %d", second).isPresent();
            clock.now = clock.now.plusSeconds(1);
        }
    }

    private Optional<Duration> waitFor(String hash) {
        return waitFor(hash, false);
    }

    private Optional<Duration> waitFor(String hash, boolean admissionsPending) {
        Optional<Duration> wait = scheduler.waitBeforeApply(rs1, hash, Set.of(ApplyScheduler.key(rs1)), admissionsPending);
        if (wait.isEmpty()) {
            scheduler.attempted(rs1);
            scheduler.release(rs1);
        }
        return wait;
    }

    private static RouteServer routeServer(String name) {
        RouteServer rs = new RouteServer();
        rs.setMetadata(new ObjectMetaBuilder().withNamespace("ix").withName(name).build());
        rs.setSpec(new RouteServerSpec());
        rs.getSpec().networkRef = "ix";
        return rs;
    }

    private static OperatorConfig config(Duration debounce, Duration interval) {
        return (OperatorConfig) Proxy.newProxyInstance(OperatorConfig.class.getClassLoader(), new Class<?>[] {OperatorConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "applyDebounce" -> debounce;
                    case "applyInterval" -> interval;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
