package io.ztix.portal.audit;

import java.time.OffsetDateTime;

/** One line of the append-only audit log. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String target, String details) {
}
