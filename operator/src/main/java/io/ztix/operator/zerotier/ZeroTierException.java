package io.ztix.operator.zerotier;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A ZeroTier controller call that did not succeed, classified by what the caller should do about it.
 * Messages are meant for humans (conditions, events) and never contain the API token.
 */
public class ZeroTierException extends RuntimeException {

    /** What kind of failure this is. */
    public enum Kind {
        /** Worth retrying later: unreachable, timeout, 5xx, database not ready, rate limited (see retryAfter). */
        TRANSIENT,
        /** The API token was refused (401; Central also 403). Retrying helps only after the Secret changes. */
        BAD_TOKEN,
        /** The network or member does not exist on the controller. */
        NOT_FOUND,
        /** Retrying the same request will fail the same way (bad request, read-back mismatch, refused by policy). */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final int httpStatus;

    public ZeroTierException(Kind kind, String message) {
        this(kind, message, 0, null, null);
    }

    public ZeroTierException(Kind kind, String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** How long the controller asked us to wait (429 Retry-After), when it said so. */
    /** The Retry-After of a rate-limited controller call, or null for any other failure. */
    public static Duration retryAfterOf(Throwable failure) {
        return failure instanceof ZeroTierException z ? z.retryAfter().orElse(null) : null;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status of the answer; empty when there was no answer (unreachable, timeout) or no request. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
