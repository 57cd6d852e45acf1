package io.ztix.portal.audit;

import java.time.Duration;

/** Optional filters for reading the audit log; null means "any". */
public record AuditFilter(String actor, String action, String target, Duration maxAge, int limit) {
}
