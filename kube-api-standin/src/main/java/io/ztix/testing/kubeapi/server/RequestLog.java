package io.ztix.testing.kubeapi.server;

import io.ztix.testing.kubeapi.Identity;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The requests the stand-in received, oldest first, with the caller they were authenticated as (as an API server's
 * audit log has them): for tests whose only evidence is a read, e.g. a follower asking for its Lease. Keeps the
 * last {@value #CAPACITY}; older ones are dropped.
 */
public final class RequestLog {

    /** One request: its caller (null if unauthenticated), method and path with query. */
    public record Entry(Identity caller, String method, String path) {
    }

    static final int CAPACITY = 10_000;

    private final LinkedBlockingDeque<Entry> entries = new LinkedBlockingDeque<>(CAPACITY);

    void record(Identity caller, String method, String path) {
        Entry entry = new Entry(caller, method, path);
        while (!entries.offerLast(entry)) {
            entries.pollFirst();
        }
    }

    /** Forgets every request received so far. */
    public void clear() {
        entries.clear();
    }

    /** The oldest request not yet taken, waiting up to {@code timeout} for one; null if none came. */
    public Entry take(long timeout, TimeUnit unit) throws InterruptedException {
        return entries.pollFirst(timeout, unit);
    }
}
