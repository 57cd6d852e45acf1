package io.ztix.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Clock T0 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void newConditionGetsTransitionTimeAndGeneration() {
        List<Condition> conditions = new ArrayList<>();

        boolean changed = Conditions.set(conditions, new Condition("Ready", Condition.FALSE, "Pending", "waiting"), 3L, T0);

        assertThat(changed).isTrue();
        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.lastTransitionTime).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(c.observedGeneration).isEqualTo(3L);
        });
    }

    @Test
    void sameStatusWithNewMessageKeepsTransitionTime() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, new Condition("Ready", Condition.FALSE, "Pending", "waiting"), 1L, T0);

        boolean changed = Conditions.set(conditions, new Condition("Ready", Condition.FALSE, "Provisioning", "working"), 2L, T1);

        assertThat(changed).isTrue();
        Condition ready = Conditions.find(conditions, "Ready").orElseThrow();
        assertThat(ready.lastTransitionTime).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(ready.reason).isEqualTo("Provisioning");
        assertThat(ready.observedGeneration).isEqualTo(2L);
    }

    @Test
    void statusFlipMovesTransitionTime() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, new Condition("Ready", Condition.FALSE, "Pending", "waiting"), 1L, T0);

        Conditions.set(conditions, new Condition("Ready", Condition.TRUE, "Active", "done"), 1L, T1);

        assertThat(Conditions.find(conditions, "Ready").orElseThrow().lastTransitionTime).isEqualTo("2026-01-01T01:00:00Z");
        assertThat(Conditions.isTrue(conditions, "Ready")).isTrue();
    }

    @Test
    void identicalObservationChangesNothing() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, new Condition("Ready", Condition.TRUE, "Active", "done"), 1L, T0);

        boolean changed = Conditions.set(conditions, new Condition("Ready", Condition.TRUE, "Active", "done"), 1L, T1);

        assertThat(changed).isFalse();
        assertThat(Conditions.find(conditions, "Ready").orElseThrow().lastTransitionTime).isEqualTo("2026-01-01T00:00:00Z");
    }
}
