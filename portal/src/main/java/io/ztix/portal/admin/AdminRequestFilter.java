package io.ztix.portal.admin;

import io.ztix.api.joinrequest.JoinRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

/** Filters of the admin's all-requests page; blank means "any". */
public record AdminRequestFilter(String status, Long asn, String network, Integer maxAgeDays) implements Predicate<JoinRequest> {

    @Override
    public boolean test(JoinRequest r) {
        if (status != null && !status.isBlank()) {
            String phase = r.getStatus() == null || r.getStatus().phase == null ? "Pending" : r.getStatus().phase.name();
            if (!phase.equals(status)) {
                return false;
            }
        }
        if (asn != null && !asn.equals(r.getSpec().asn)) {
            return false;
        }
        if (network != null && !network.isBlank() && !network.equals(r.getSpec().networkRef)) {
            return false;
        }
        if (maxAgeDays != null && maxAgeDays > 0) {
            try {
                Instant created = Instant.parse(r.getMetadata().getCreationTimestamp());
                return created.isAfter(Instant.now().minus(Duration.ofDays(maxAgeDays)));
            } catch (DateTimeParseException | NullPointerException e) {
                return false;
            }
        }
        return true;
    }
}
