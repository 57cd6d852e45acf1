package io.ztix.operator.bird;

/** Max-prefix arithmetic the integrator applies before building {@link Member}s. */
public final class PrefixLimits {

    private PrefixLimits() {
    }

    /**
     * The limit for a network that announces {@code prefixes} routes (PeeringDB {@code info_prefixes4/6})
     * plus {@code headroomPercent} percent, rounded up; at least 1.
     */
    public static long withHeadroom(long prefixes, int headroomPercent) {
        if (prefixes < 0) {
            throw new IllegalArgumentException("prefix count must not be negative, got " + prefixes);
        }
        if (headroomPercent < 0) {
            throw new IllegalArgumentException("head-room must not be negative, got " + headroomPercent + "%");
        }
        long limit = Math.addExact(Math.multiplyExact(prefixes, 100L + headroomPercent), 99L) / 100L;
        return Math.max(1, limit);
    }
}
