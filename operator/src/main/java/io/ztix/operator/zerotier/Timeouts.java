package io.ztix.operator.zerotier;

import java.time.Duration;

/** Connect and whole-request timeouts applied to every controller call. */
public record Timeouts(Duration connect, Duration request) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    public Timeouts {
        if (connect == null || connect.isNegative() || connect.isZero()
                || request == null || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("ZeroTier timeouts must be positive, got connect=" + connect
                    + " request=" + request);
        }
    }
}
