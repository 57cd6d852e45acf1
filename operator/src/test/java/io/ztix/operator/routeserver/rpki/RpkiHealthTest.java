package io.ztix.operator.routeserver.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.common.Condition;
import io.ztix.api.routeserver.RtrServerStatus;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.bird.RtrEndpoint;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.observe.RpkiState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a route server's status and Events say about its RTR servers. */
class RpkiHealthTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final Map<String, RtrEndpoint> TWO = Map.of("ztix_rpki_1", new RtrEndpoint("rtr.example.net", 323),
            "ztix_rpki_2", new RtrEndpoint("192.0.2.10", 8282));
    private final RpkiHealth health = new RpkiHealth(Duration.ofSeconds(60));

    private static RpkiState up(String protocol) {
        return new RpkiState(protocol, "up", "12:00:00", "Established", "x", 323, 5.0, 400_000L, 90_000L);
    }

    private static RpkiState transportError(String protocol, long roas) {
        return new RpkiState(protocol, "start", "12:00:00", "Transport-Error", "x", null, roas == 0 ? null : 300.0, roas, 0L);
    }

    private static BirdObservation observation(Instant at, Map<String, RpkiState> rpki, Map<String, Boolean> resolves) {
        return new BirdObservation(at, List.of(), rpki, resolves, BirdVersion.parse("2.0.12"));
    }

    @Test
    void allInSyncIsReadyWithTheRoaCounts() {
        RpkiReport report = health.report(TWO, observation(T0, Map.of("ztix_rpki_1", up("ztix_rpki_1"),
                "ztix_rpki_2", up("ztix_rpki_2")), Map.of()), List.of(), null, true);

        assertThat(report.conditionStatus()).isEqualTo(Condition.TRUE);
        assertThat(report.reason()).isEqualTo("InSync");
        assertThat(report.servers()).allSatisfy(s -> {
            assertThat(s.inSync).isTrue();
            assertThat(s.roas4).isEqualTo(400_000L);
            assertThat(s.lastUpdateTime).isEqualTo("2026-01-01T11:59:55Z");
            assertThat(s.lastError).isNull();
        });
    }

    @Test
    void oneOfTwoDownIsStillReadyButNamesTheOneThatIsDown() {
        RpkiReport report = health.report(TWO, observation(T0, Map.of("ztix_rpki_1", up("ztix_rpki_1"),
                "ztix_rpki_2", transportError("ztix_rpki_2", 0)), Map.of()), List.of(), null, true);

        assertThat(report.conditionStatus()).isEqualTo(Condition.TRUE);
        assertThat(report.reason()).isEqualTo("PartlyInSync");
        assertThat(report.message()).contains("192.0.2.10:8282").contains("cannot connect");
    }

    @Test
    void noneInSyncWithEmptyTablesSaysNothingIsFilteredAndThatNewMembersWait() {
        RpkiReport report = health.report(TWO, observation(T0, Map.of("ztix_rpki_1", transportError("ztix_rpki_1", 0),
                "ztix_rpki_2", transportError("ztix_rpki_2", 0)), Map.of("rtr.example.net", false)), List.of(), null, true);

        assertThat(report.conditionStatus()).isEqualTo(Condition.FALSE);
        assertThat(report.reason()).isEqualTo("NotInSync");
        assertThat(report.message()).contains("ROA tables are empty").contains("new members are held");
        assertThat(report.servers()).extracting(s -> s.protocol).containsExactly("ztix_rpki_1", "ztix_rpki_2");
        assertThat(report.servers().get(0).lastError).startsWith("the host name rtr.example.net does not resolve");
    }

    @Test
    void aServerThatWasInSyncAndIsNotIsAWarningAndItsKeptRoasAreSaid() {
        List<RtrServerStatus> before = health.report(Map.of("ztix_rpki_1", TWO.get("ztix_rpki_1")),
                observation(T0, Map.of("ztix_rpki_1", up("ztix_rpki_1")), Map.of()), List.of(), null, true).servers();

        RpkiReport report = health.report(Map.of("ztix_rpki_1", TWO.get("ztix_rpki_1")), observation(T0.plusSeconds(60),
                Map.of("ztix_rpki_1", transportError("ztix_rpki_1", 400_000)), Map.of()), before, T0, false);

        assertThat(report.notices()).singleElement().satisfies(n -> {
            assertThat(n.warning()).isTrue();
            assertThat(n.reason()).isEqualTo("RtrServerDown");
        });
        assertThat(report.message()).contains("keeps the ROAs of the last sync").doesNotContain("held");
        assertThat(report.servers().get(0).lastTransitionTime).isEqualTo("2026-01-01T12:01:00Z");
        assertThat(report.servers().get(0).lastError).contains("keeps the 400000 ROAs");
    }

    @Test
    void aServerThatNeverSyncedIsAWarningOnceTheGraceTimeIsOver() {
        Map<String, RtrEndpoint> one = Map.of("ztix_rpki_1", TWO.get("ztix_rpki_1"));
        Map<String, RpkiState> down = Map.of("ztix_rpki_1", transportError("ztix_rpki_1", 0));
        RpkiReport first = health.report(one, observation(T0, down, Map.of()), List.of(), null, true);
        RpkiReport early = health.report(one, observation(T0.plusSeconds(30), down, Map.of()), first.servers(), T0, true);
        RpkiReport late = health.report(one, observation(T0.plusSeconds(61), down, Map.of()), early.servers(),
                T0.plusSeconds(30), true);
        RpkiReport later = health.report(one, observation(T0.plusSeconds(90), down, Map.of()), late.servers(),
                T0.plusSeconds(61), true);

        assertThat(first.notices()).isEmpty();
        assertThat(early.notices()).isEmpty();
        assertThat(late.notices()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("RtrServerNotInSync"));
        assertThat(later.notices()).as("once").isEmpty();
    }

    @Test
    void aServerBirdDoesNotRunYetIsNotConfigured() {
        RpkiReport report = health.report(Map.of("ztix_rpki_1", TWO.get("ztix_rpki_1")), observation(T0, Map.of(), Map.of()),
                List.of(), null, true);

        assertThat(report.servers().get(0).state).isEqualTo("NotConfigured");
        assertThat(report.conditionStatus()).isEqualTo(Condition.FALSE);
    }
}
