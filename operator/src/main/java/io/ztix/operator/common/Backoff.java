package io.ztix.operator.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code min(cap, base * 2^n)},
 * so that many resources failing together do not retry in lock-step.
 */
public record Backoff(Duration base, Duration cap) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got base " + base + ", cap " + cap);
        }
    }

    /** The delay before retry number {@code attempt} (0 = first retry). */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /** The upper bound of the delay of retry number {@code attempt}. */
    public Duration ceiling(int attempt) {
        int shift = Math.max(0, Math.min(attempt, 30));
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
