package io.ztix.operator.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * "This protocol was not restarted", from two readings of its {@code since}. BIRD keeps state-change times on its
 * monotonic clock and converts them to wall-clock time when it prints them, so two readings of an unchanged
 * protocol can differ by a millisecond or so on a loaded machine (seen: 15:07:59.580, then 15:07:59.579). A
 * restart moves {@code since} to the time of the reconfiguration, which is further away than the tolerance.
 */
public final class SameSince {

    public static final Duration TOLERANCE = Duration.ofMillis(20);

    private SameSince() {
    }

    public static void assertNotRestarted(String before, String after, String message) {
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

    /**
     * The same sessions, none restarted: {@code name -> "state since"} readings (e.g. {@code "up 16:41:15.550"}) with
     * the same names and states, and each {@code since} within the tolerance.
     */
    public static void assertSessionsNotRestarted(Map<String, String> before, Map<String, String> after, String message) {
        assertEquals(before.keySet(), after.keySet(), message + ": the same sessions");
        before.forEach((name, reading) -> {
            String other = after.get(name);
            int space = reading.indexOf(' ');
            int otherSpace = other.indexOf(' ');
            if (space < 0 || otherSpace < 0) {
                assertEquals(reading, other, message + ": " + name);
                return;
            }
            assertEquals(reading.substring(0, space), other.substring(0, otherSpace), message + ": " + name + " state");
            assertNotRestarted(reading.substring(space + 1), other.substring(otherSpace + 1), message + ": " + name);
        });
    }
}
