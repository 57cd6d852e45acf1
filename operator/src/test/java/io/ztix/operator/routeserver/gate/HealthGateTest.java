package io.ztix.operator.routeserver.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.operator.bird.RenderedConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The verdict of the health gate, on a route server with members a, b and c (one v4 and one v6 session each).
 * Settle time 10 s; rollback from 2 members and 10 % of the sessions Established before.
 */
class HealthGateTest {

    private static final GateSettings SETTINGS = new GateSettings(Duration.ofSeconds(10), 2, 10);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Map<String, String> MEMBER_OF = Map.of("a4", "a", "a6", "a", "b4", "b", "b6", "b", "c4", "c",
            "c6", "c", "d4", "d", "d6", "d");
    private static final Set<String> ALL = Set.of("a4", "a6", "b4", "b6", "c4", "c6");

    private static RenderedConfig config(String shared, Map<String, String> blocks) {
        return new RenderedConfig("text " + shared + blocks, "hash-" + shared + blocks.hashCode(), shared, blocks, Map.of());
    }

    private static final RenderedConfig RUNNING = config("s1", Map.of("a4", "1", "a6", "1", "b4", "1", "b6", "1", "c4", "1", "c6", "1"));

    @Test
    void aChangeThatOnlyAddsAMemberWatchesNothingAndIsConfirmedAtOnce() {
        RenderedConfig added = config("s1", Map.of("a4", "1", "a6", "1", "b4", "1", "b6", "1", "c4", "1", "c6", "1", "d4", "1", "d6", "1"));

        HealthGate gate = HealthGate.plan(added, RUNNING.sha256(), RUNNING, ALL, T0, SETTINGS);

        assertThat(gate.watched()).isEmpty();
        assertThat(gate.establishedBefore()).isEqualTo(6);
        assertThat(gate.evaluate(Set.of(), MEMBER_OF, T0, SETTINGS).outcome()).isEqualTo(Verdict.Outcome.CONFIRMED);
    }

    @Test
    void sessionsTheChangeTouchedAreWatchedUntilTheyAreBack() {
        RenderedConfig v4Changed = config("s1", Map.of("a4", "2", "a6", "1", "b4", "2", "b6", "1", "c4", "2", "c6", "1"));
        HealthGate gate = HealthGate.plan(v4Changed, RUNNING.sha256(), RUNNING, ALL, T0, SETTINGS);

        assertThat(gate.watched()).containsExactlyInAnyOrder("a4", "b4", "c4");
        Verdict early = gate.evaluate(Set.of("a6", "b6", "c6", "a4"), MEMBER_OF, T0.plusSeconds(2), SETTINGS);
        assertThat(early.outcome()).isEqualTo(Verdict.Outcome.WAIT);
        assertThat(early.dropped()).containsExactly("b4", "c4");
        assertThat(gate.evaluate(ALL, MEMBER_OF, T0.plusSeconds(3), SETTINGS).outcome()).isEqualTo(Verdict.Outcome.CONFIRMED);
    }

    @Test
    void sessionsOfTwoMembersStillDownAtTheDeadlineAreARollback() {
        RenderedConfig v4Changed = config("s1", Map.of("a4", "2", "a6", "1", "b4", "2", "b6", "1", "c4", "2", "c6", "1"));
        HealthGate gate = HealthGate.plan(v4Changed, RUNNING.sha256(), RUNNING, ALL, T0, SETTINGS);

        Verdict verdict = gate.evaluate(Set.of("a6", "b6", "c6", "a4"), MEMBER_OF, T0.plusSeconds(10), SETTINGS);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.ROLL_BACK);
        assertThat(verdict.droppedMembers()).isEqualTo(2);
        assertThat(verdict.dropped()).containsExactly("b4", "c4");
    }

    @Test
    void oneMembersSessionsDownAtTheDeadlineAreKeptAsThatMembersOwnProblem() {
        RenderedConfig allChanged = config("s2", RUNNING.sessionSha256());
        HealthGate gate = HealthGate.plan(allChanged, RUNNING.sha256(), RUNNING, ALL, T0, SETTINGS);
        assertThat(gate.watched()).as("a changed shared part touches every session").isEqualTo(ALL);

        Verdict verdict = gate.evaluate(Set.of("b4", "b6", "c4", "c6"), MEMBER_OF, T0.plusSeconds(11), SETTINGS);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.CONFIRMED_WITH_LOSSES);
        assertThat(verdict.droppedMembers()).isEqualTo(1);
    }

    @Test
    void aSessionTheChangeDidNotTouchGoingDownIsNotTheChangesFault() {
        RenderedConfig aChanged = config("s1", Map.of("a4", "2", "a6", "2", "b4", "1", "b6", "1", "c4", "1", "c6", "1"));
        HealthGate gate = HealthGate.plan(aChanged, RUNNING.sha256(), RUNNING, ALL, T0, SETTINGS);

        Verdict verdict = gate.evaluate(Set.of("a4", "a6"), MEMBER_OF, T0.plusSeconds(1), SETTINGS);

        assertThat(verdict.outcome()).as("b and c flap, but the change did not touch them").isEqualTo(Verdict.Outcome.CONFIRMED);
    }

    @Test
    void withoutKnowingWhatRanBeforeEveryEstablishedSessionIsWatched() {
        HealthGate gate = HealthGate.plan(RUNNING, null, null, Set.of("a4", "b6", "x9"), T0, SETTINGS);

        assertThat(gate.watched()).as("x9 is no longer configured").containsExactlyInAnyOrder("a4", "b6");
        assertThat(gate.establishedBefore()).isEqualTo(2);
    }

    @Test
    void belowTheShareOfSessionsTwoMembersDownAreKept() {
        GateSettings strict = new GateSettings(Duration.ofSeconds(10), 2, 50);
        HealthGate gate = HealthGate.plan(config("s2", RUNNING.sessionSha256()), RUNNING.sha256(), RUNNING, ALL, T0, strict);

        Verdict verdict = gate.evaluate(Set.of("a6", "b6", "c4", "c6"), MEMBER_OF, T0.plusSeconds(10), strict);

        assertThat(verdict.droppedMembers()).isEqualTo(2);
        assertThat(verdict.outcome()).as("2 of 6 sessions is below 50 %").isEqualTo(Verdict.Outcome.CONFIRMED_WITH_LOSSES);
    }

    @Test
    void theHarmFingerprintStaysWhileWhatHurtIsStillThereAndChangesWhenItIsFixed() {
        RenderedConfig bad = config("s1", Map.of("a4", "bad", "b4", "bad", "c6", "1"));
        RenderedConfig badPlusMember = config("s1", Map.of("a4", "bad", "b4", "bad", "c6", "1", "d4", "1"));
        RenderedConfig fixed = config("s1", Map.of("a4", "good", "b4", "good", "c6", "1", "d4", "1"));

        String fingerprint = HarmFingerprint.of(bad, Set.of("a4", "b4"));

        assertThat(HarmFingerprint.of(badPlusMember, Set.of("b4", "a4"))).isEqualTo(fingerprint);
        assertThat(HarmFingerprint.of(fixed, Set.of("a4", "b4"))).isNotEqualTo(fingerprint);
        assertThat(HarmFingerprint.of(config("s9", bad.sessionSha256()), Set.of("a4", "b4"))).isNotEqualTo(fingerprint);
    }
}
