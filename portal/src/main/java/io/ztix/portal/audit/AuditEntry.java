package io.ztix.portal.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** One line of the append-only audit log. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String target, String details) {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    /** RFC 3339 in UTC, whole seconds (the page's script shows it in the reader's time zone). */
    public String iso() {
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toInstant().toString();
    }

    /** The same, readable without the script: {@code 2026-12-01 17:45:02 UTC}. */
    public String readable() {
        return READABLE.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
