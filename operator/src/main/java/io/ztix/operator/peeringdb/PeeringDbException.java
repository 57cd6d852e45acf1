package io.ztix.operator.peeringdb;

import java.time.Duration;
import java.util.Optional;

/** A PeeringDB call that gave no usable answer. Never a finding about a member: only that PeeringDB failed. */
public class PeeringDbException extends Exception {

    /** What went wrong, for the metric's {@code reason} tag. */
    public enum Kind { UNREACHABLE, TIMEOUT, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, GARBAGE }

    private final Kind kind;
    private final transient Duration retryAfter;

    public PeeringDbException(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public PeeringDbException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long PeeringDB asked us to wait (429 Retry-After); empty when it did not say. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
