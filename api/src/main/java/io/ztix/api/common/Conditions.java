package io.ztix.api.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that changes a {@code status.conditions[]} list. A condition's {@code lastTransitionTime}
 * moves only when its {@code status} flips; reason, message and observedGeneration are refreshed in place.
 */
public final class Conditions {

    private Conditions() {
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.type)).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(Condition::isTrue).orElse(false);
    }

    /**
     * Records {@code observed} in {@code conditions} (in place) at the given generation.
     *
     * @return true when anything visible changed
     */
    public static boolean set(List<Condition> conditions, Condition observed, Long generation, Clock clock) {
        Objects.requireNonNull(observed.type, "condition type");
        Objects.requireNonNull(observed.status, "condition status");
        Optional<Condition> existing = find(conditions, observed.type);
        if (existing.isEmpty()) {
            observed.lastTransitionTime = now(clock);
            observed.observedGeneration = generation;
            conditions.add(observed);
            return true;
        }
        Condition current = existing.get();
        boolean changed = !Objects.equals(current.status, observed.status)
                || !Objects.equals(current.reason, observed.reason)
                || !Objects.equals(current.message, observed.message)
                || !Objects.equals(current.observedGeneration, generation);
        if (!Objects.equals(current.status, observed.status) || current.lastTransitionTime == null) {
            current.lastTransitionTime = now(clock);
        }
        current.status = observed.status;
        current.reason = observed.reason;
        current.message = observed.message;
        current.observedGeneration = generation;
        return changed;
    }

    private static String now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
