package io.ztix.operator.zerotier;

import java.util.function.Supplier;

/**
 * Where a controller client gets its API token. A source that caches the token is told when the controller
 * refused it, so that the next {@link #get()} reads the Secret again: a rotated token is then used at once
 * (the refused request is sent once more with it) without reading the Secret for every request.
 */
public interface TokenSource extends Supplier<String> {

    /** The controller refused {@code token} (401, or 403 for Central). */
    default void refused(String token) {
    }

    static TokenSource of(Supplier<String> supplier) {
        return supplier instanceof TokenSource source ? source : supplier::get;
    }
}
