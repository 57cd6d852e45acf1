package io.ztix.portal.audit;

import java.time.Duration;

/**
 * Optional filters for reading the audit log; null means "any".
 *
 * @param action the kind of entry, or its start ({@code login.} for every login entry)
 * @param asn    entries about this ASN: its requests ({@code <network>-as<asn>-<node>}) or details naming it
 */
public record AuditFilter(String actor, String action, String target, Duration maxAge, int limit, Long asn) {

    public AuditFilter(String actor, String action, String target, Duration maxAge, int limit) {
        this(actor, action, target, maxAge, limit, null);
    }
}
