package io.ztix.portal.requests;

import io.ztix.portal.i18n.StatusMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long something has lasted, in the reader's words: "for 3 days", "for 5 hours", "for less than a minute". */
final class Durations {

    private Durations() {
    }

    /** ", for 3 days" since {@code since} (RFC 3339); empty when there is no readable time. */
    static Optional<String> since(String since, Instant now, StatusMessages msg) {
        if (since == null) {
            return Optional.empty();
        }
        try {
            Duration lasted = Duration.between(Instant.parse(since), now);
            return Optional.of(", " + msg.session_for(words(lasted.isNegative() ? Duration.ZERO : lasted, msg)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String words(Duration lasted, StatusMessages msg) {
        if (lasted.toDays() >= 1) {
            return msg.duration_days(lasted.toDays());
        }
        if (lasted.toHours() >= 1) {
            return msg.duration_hours(lasted.toHours());
        }
        if (lasted.toMinutes() >= 1) {
            return msg.duration_minutes(lasted.toMinutes());
        }
        return msg.duration_moment();
    }
}
