package io.ztix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void delaysDoubleUntilTheCap() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyDelayLiesBetweenHalfTheCeilingAndTheCeiling() {
        for (int attempt = 0; attempt < 40; attempt++) {
            Duration delay = backoff.delay(attempt);
            assertThat(delay).isBetween(backoff.ceiling(attempt).dividedBy(2), backoff.ceiling(attempt));
        }
    }

    @Test
    void delaysAreJittered() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(backoff.delay(4));
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @Test
    void nonsensicalBoundsAreRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
