package io.ztix.operator.zerotier.fake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server of a zerotier-one controller as measured on 1.14.1 (cpp-httplib, see
 * /work/shared/zerotier/README.md "Capacity"): a fixed number of worker threads (8), each serving one
 * connection at a time; a kept-alive connection holds its worker until it has been idle for 5 s, and is closed
 * after 5 requests. A request on a new connection while every worker is held waits for one: with 8 idle
 * connections open it waits almost 5 s. Counts such stalls so a test sees a client that opens too many
 * connections.
 */
final class HttpWorkers implements AutoCloseable {

    static final int WORKERS = 8;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(5);
    static final int REQUESTS_PER_CONNECTION = 5;
    /** A wait for a worker longer than this counts as a stall (an unloaded controller answers in ~15 ms). */
    static final Duration STALL = Duration.ofMillis(500);

    private final Semaphore free = new Semaphore(WORKERS, true);
    private final Map<String, Held> held = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-zerotier-keepalive");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger stalls = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private static final class Held {
        int served;
        ScheduledFuture<?> idle;
    }

    /**
     * Before serving a request on {@code connection}: takes a worker (waiting for one if all are held).
     *
     * @return true when this is the connection's last request (the server closes it afterwards)
     */
    boolean before(String connection) throws InterruptedException {
        Held h;
        synchronized (held) {
            h = held.get(connection);
            if (h != null && h.idle != null) {
                h.idle.cancel(false);
                h.idle = null;
            }
        }
        if (h == null) {
            long start = System.nanoTime();
            free.acquire();
            if (System.nanoTime() - start > STALL.toNanos()) {
                stalls.incrementAndGet();
            }
            h = new Held();
            synchronized (held) {
                held.put(connection, h);
                peak.accumulateAndGet(WORKERS - free.availablePermits(), Math::max);
            }
        }
        return ++h.served >= REQUESTS_PER_CONNECTION;
    }

    /** After answering: the worker is released at once (connection closed) or after the keep-alive time. */
    void after(String connection, boolean closed) {
        synchronized (held) {
            Held h = held.get(connection);
            if (h == null) {
                return;
            }
            if (closed) {
                held.remove(connection);
                free.release();
            } else {
                h.idle = timer.schedule(() -> release(connection, h), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void release(String connection, Held h) {
        synchronized (held) {
            if (held.get(connection) == h && h.idle != null) {
                held.remove(connection);
                free.release();
            }
        }
    }

    /** Requests that had to wait for a worker held by another (idle) connection. */
    int stalls() {
        return stalls.get();
    }

    /** Most workers held at once. */
    int peakWorkersHeld() {
        return peak.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
