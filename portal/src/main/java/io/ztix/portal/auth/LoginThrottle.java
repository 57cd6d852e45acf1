package io.ztix.portal.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Limits password attempts per client address to a number per sliding minute. */
@ApplicationScoped
public class LoginThrottle {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    PortalAccessConfig config;

    /** Counts one attempt from {@code address}; false when the address is over its limit. */
    public boolean tryAcquire(String address) {
        long now = clock.millis();
        if (attempts.size() > MAX_TRACKED_ADDRESSES) {
            forgetQuietAddresses(now);
        }
        Deque<Long> times = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= config.login().perIpPerMinute()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void forgetQuietAddresses(long now) {
        attempts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || last <= now - WINDOW_MILLIS;
            }
        });
    }
}
