package io.ztix.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Start-up steps that run on a thread of their own while the sandbox goes on with the next ones. */
final class Background {

    private Background() {
    }

    /** Runs the step on a new daemon thread (not the common pool: on 2 cores it runs one task at a time). */
    static <T> CompletableFuture<T> start(Supplier<T> step) {
        return CompletableFuture.supplyAsync(step, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for the step; its own exception when it failed (not wrapped). */
    static <T> T result(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
