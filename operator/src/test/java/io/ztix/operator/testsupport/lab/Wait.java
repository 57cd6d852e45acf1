package io.ztix.operator.testsupport.lab;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a timeout passes. */
public final class Wait {

    private static final long POLL_MILLIS = 200;

    private Wait() {
    }

    /** Returns how long it took for {@code condition} to hold; throws naming {@code what} on timeout. */
    public static Duration until(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting until " + what, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Polls {@code probe} until it yields a value, and returns that value. */
    public static <T> T value(String what, Duration timeout, Supplier<Optional<T>> probe) {
        AtomicReference<T> found = new AtomicReference<>();
        until(what, timeout, () -> {
            Optional<T> value = probe.get();
            value.ifPresent(found::set);
            return value.isPresent();
        });
        return found.get();
    }
}
