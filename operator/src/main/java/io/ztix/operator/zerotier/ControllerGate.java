package io.ztix.operator.zerotier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Courtesy towards one controller API, shared by every client of that URL: at most {@code maxConcurrent}
 * requests in flight (a self-hosted controller has 8 HTTP workers and an idle keep-alive connection holds one
 * for 5 s, so a client that opens more connections than it needs stalls the controller for everybody; the
 * HTTP client's pool never grows beyond the requests in flight), and after a 429 with {@code Retry-After}
 * nothing is sent to it until that time has passed: the callers get a transient error that carries the wait.
 */
public final class ControllerGate {

    /** Below the 8 workers of a zerotier-one controller, leaving room for zerotier-cli and other clients. */
    public static final int DEFAULT_MAX_CONCURRENT = 4;

    private final int maxConcurrent;
    private final Semaphore permits;
    private final Clock clock;
    private volatile Instant notBefore = Instant.MIN;

    public ControllerGate(int maxConcurrent, Clock clock) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one concurrent request per controller is needed, got " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent, true);
        this.clock = clock;
    }

    /**
     * Waits (at most {@code patience}) for a free slot; the caller must {@link #leave()} afterwards.
     *
     * @throws ZeroTierException (transient) while the controller asked to wait, or when no slot became free
     */
    void enter(String call, Duration patience) {
        Instant until = notBefore;
        Instant now = clock.instant();
        if (until.isAfter(now)) {
            Duration wait = Duration.between(now, until);
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": not sent, the controller asked to "
                    + "wait (429 Retry-After) for another " + Math.max(1, wait.toSeconds()) + "s", 0, wait, null);
        }
        try {
            if (!permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": not sent, " + maxConcurrent
                        + " requests to this controller were still in flight after " + patience.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": interrupted while waiting for a free slot");
        }
    }

    void leave() {
        permits.release();
    }

    /** The controller answered 429 with Retry-After: hold every request to it until then. */
    void backOff(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        synchronized (this) {
            if (until.isAfter(notBefore)) {
                notBefore = until;
            }
        }
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Requests in flight right now (for tests and metrics). */
    public int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }
}
