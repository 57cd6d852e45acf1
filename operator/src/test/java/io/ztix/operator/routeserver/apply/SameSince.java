package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * "This protocol was not restarted", from two readings of its {@code since}. BIRD keeps state-change times on its
 * monotonic clock and converts them to wall-clock time when it prints them, so two readings of an unchanged
 * protocol can differ by a millisecond or so on a loaded machine (seen: 15:07:59.580, then 15:07:59.579). A
 * restart moves {@code since} to the time of the reconfiguration, which is further away than the tolerance.
 */
final class SameSince {

    static final Duration TOLERANCE = Duration.ofMillis(20);

    private SameSince() {
    }

    static void assertNotRestarted(String before, String after, String message) {
        LocalTime first;
        LocalTime second;
        try {
            first = LocalTime.parse(before);
            second = LocalTime.parse(after);
        } catch (DateTimeParseException e) {
            assertEquals(before, after, message);
            return;
        }
        assertTrue(Duration.between(first, second).abs().compareTo(TOLERANCE) <= 0,
                message + ": since moved from " + before + " to " + after);
    }
}
