package io.ztix.operator.irr;

import java.util.Optional;

/**
 * Whether refreshed lists may replace the applied ones automatically: not when either family's prefix entries or
 * the origin ASNs fall below {@code thresholdPercent} of what is applied. A registry that lost a member's objects,
 * or a mirror half-way through a reload, would otherwise filter the member's routes at once; a real shrink waits for
 * an admin (annotation {@code ztix.io/accept-irr-lists}).
 */
final class ShrinkGuard {

    private ShrinkGuard() {
    }

    /** Why {@code fresh} is held, or empty when it may be applied. */
    static Optional<String> hold(IrrLists applied, IrrLists fresh, int thresholdPercent) {
        if (applied == null) {
            return Optional.empty();
        }
        return shrunk("origin ASNs", applied.asns().size(), fresh.asns().size(), thresholdPercent)
                .or(() -> shrunk("IPv4 entries", applied.ipv4().size(), fresh.ipv4().size(), thresholdPercent))
                .or(() -> shrunk("IPv6 entries", applied.ipv6().size(), fresh.ipv6().size(), thresholdPercent));
    }

    private static Optional<String> shrunk(String what, int before, int after, int thresholdPercent) {
        if (before > 0 && (long) after * 100 < (long) before * thresholdPercent) {
            return Optional.of("the refreshed lists have " + after + " " + what + " where " + before + " are applied "
                    + "(below " + thresholdPercent + "%): held, the applied lists stay until an admin accepts the new ones "
                    + "(annotate the JoinRequest ztix.io/accept-irr-lists=<new value>)");
        }
        return Optional.empty();
    }
}
