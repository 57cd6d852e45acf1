package io.ztix.operator.recheck;

import io.ztix.api.joinrequest.MemberFinding;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ztix.operator.peeringdb.PeeringDbClient;
import io.ztix.operator.testsupport.MovableClock;
import io.ztix.operator.testsupport.PeeringDbStandIn;
import io.ztix.operator.testsupport.PeeringDbStandIn.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberChecksTest {

    private static final Duration INTERVAL = Duration.ofHours(24);
    private static final Duration RETRY = Duration.ofHours(1);

    private final PeeringDbStandIn peeringDb = PeeringDbStandIn.start();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemberChecks checks = new MemberChecks(
            new PeeringDbClient(peeringDb.url(), Duration.ofSeconds(1), 1 << 20, Optional::empty, clock)::nets,
            3, INTERVAL, RETRY, Duration.ofDays(1), registry, clock);

    @AfterEach
    void stop() {
        checks.stop();
        peeringDb.close();
    }

    @Test
    void sevenAsnsAreCheckedInThreeCallsOfAtMostThree() {
        LongStream.rangeClosed(64501, 64507).forEach(asn -> peeringDb.net(asn, false));
        LongStream.rangeClosed(64501, 64507).forEach(checks::result);

        assertThat(checks.runDue()).isEqualTo(3);

        assertThat(peeringDb.calls()).containsExactly(List.of(64501L, 64502L, 64503L), List.of(64504L, 64505L, 64506L),
                List.of(64507L));
        assertThat(checks.result(64507)).hasValueSatisfying(r -> assertThat(r.finding()).isNull());
    }

    @Test
    void findingsAreAMissingNetworkInASuccessfulAnswerAndTheNeverViaRouteServersFlag() {
        peeringDb.net(64501, false).net(64502, true);
        List.of(64501L, 64502L, 64503L).forEach(checks::result);

        checks.runDue();

        assertThat(checks.result(64501).orElseThrow().findingIfAny()).isEmpty();
        assertThat(checks.result(64502).orElseThrow().finding()).isEqualTo(MemberFinding.NeverViaRouteServers);
        assertThat(checks.result(64503).orElseThrow().finding()).isEqualTo(MemberFinding.NoPeeringDbNetwork);
    }

    @Test
    void anEmptyPageForSeveralAsnsIsNoFindingEachAsnIsAskedAlone() {
        LongStream.rangeClosed(64501, 64503).forEach(asn -> peeringDb.net(asn, false));
        LongStream.rangeClosed(64501, 64503).forEach(checks::result);
        peeringDb.mode(Mode.EMPTY_MULTI);

        assertThat(checks.runDue()).isEqualTo(4);

        assertThat(peeringDb.calls()).containsExactly(List.of(64501L, 64502L, 64503L), List.of(64501L), List.of(64502L),
                List.of(64503L));
        assertThat(LongStream.rangeClosed(64501, 64503).mapToObj(asn -> checks.result(asn).orElseThrow().finding()))
                .as("no member is taken as gone from an empty page").containsOnlyNulls();
        assertThat(registry.get("ztix.peeringdb.check.empty.batches").counter().count()).isEqualTo(1);
    }

    @Test
    void networksReallyGoneAreFindingsOnceEachWasAskedAlone() {
        LongStream.rangeClosed(64501, 64503).forEach(checks::result);

        assertThat(checks.runDue()).isEqualTo(4);

        assertThat(LongStream.rangeClosed(64501, 64503).mapToObj(asn -> checks.result(asn).orElseThrow().finding()))
                .containsOnly(MemberFinding.NoPeeringDbNetwork);
    }

    @Test
    void aMemberIsAskedForAgainOnlyAfterTheInterval() {
        peeringDb.net(64501, false);
        checks.result(64501);
        checks.runDue();

        clock.now = clock.now.plus(INTERVAL).minusSeconds(1);
        assertThat(checks.runDue()).isZero();
        clock.now = clock.now.plusSeconds(1);
        assertThat(checks.runDue()).isEqualTo(1);
        assertThat(peeringDb.calls()).hasSize(2);
    }

    @Test
    void aFailedCallKeepsEveryResultAndIsReportedNeverAFinding() {
        peeringDb.net(64501, false);
        checks.result(64501);
        checks.runDue();
        CheckResult good = checks.result(64501).orElseThrow();
        peeringDb.deleteNet(64501);

        for (Mode mode : List.of(Mode.SERVER_ERROR, Mode.GARBAGE, Mode.SILENT)) {
            peeringDb.mode(mode);
            clock.now = clock.now.plus(INTERVAL).plus(RETRY);
            assertThat(checks.runDue()).isEqualTo(1);
            assertThat(checks.result(64501)).contains(good);
            assertThat(checks.failure()).isPresent();
        }
        assertThat(registry.get("ztix.peeringdb.check.failing").gauge().value()).isEqualTo(1);
        assertThat(registry.get("ztix.peeringdb.check.failures").tag("kind", "SERVER_ERROR").counter().count()).isEqualTo(1);

        peeringDb.mode(Mode.NORMAL);
        clock.now = clock.now.plus(RETRY);
        checks.runDue();
        assertThat(checks.result(64501).orElseThrow().finding()).isEqualTo(MemberFinding.NoPeeringDbNetwork);
        assertThat(checks.failure()).isEmpty();
        assertThat(registry.get("ztix.peeringdb.check.failing").gauge().value()).isZero();
    }

    @Test
    void afterA429NothingIsAskedBeforeItsRetryAfterNorTheRestOfTheBatches() {
        LongStream.rangeClosed(64501, 64507).forEach(asn -> peeringDb.net(asn, false));
        LongStream.rangeClosed(64501, 64507).forEach(checks::result);
        peeringDb.mode(Mode.RATE_LIMITED);
        peeringDb.retryAfter("7200");

        assertThat(checks.runDue()).isEqualTo(1);
        peeringDb.mode(Mode.NORMAL);
        clock.now = clock.now.plus(RETRY); // the usual retry would be due; PeeringDB asked for two hours
        assertThat(checks.runDue()).isZero();
        clock.now = clock.now.plus(RETRY);
        assertThat(checks.runDue()).isEqualTo(3);
        assertThat(peeringDb.calls()).hasSize(4);
        assertThat(checks.result(64501)).isPresent();
    }
}
