package io.ztix.operator.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void delaySecondsAreTakenAsTheyAre() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("30", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(" 0 ", NOW));
    }

    @Test
    void anHttpDateBecomesTheTimeUntilThen() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Wed, 25 Nov 2026 17:01:30 GMT", NOW));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 25 Nov 2026 16:00:00 GMT", NOW));
    }

    @Test
    void missingOrUnreadableValuesGiveNoDelay() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
    }
}
