package io.ztix.portal.peeringdb;

/** PeeringDB could not be asked right now (network error, rate limit, bad answer). */
public class PeeringDbUnavailable extends RuntimeException {
    public PeeringDbUnavailable(String message) {
        super(message);
    }

    public PeeringDbUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
