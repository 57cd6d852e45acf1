package io.ztix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts consecutive failures per resource (by UID) to space retries out. Kept in memory on purpose: after
 * a restart the first retry is quick again, which is what an operator coming back should do.
 */
public final class RetryTracker {

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    /** The delay before the next try: jittered exponential backoff, but never shorter than retryAfter. */
    public Duration nextDelay(HasMetadata resource, Backoff backoff, Duration retryAfter) {
        int attempt = attempts.merge(resource.getMetadata().getUid(), 1, Integer::sum) - 1;
        Duration delay = backoff.delay(attempt);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }

    public void succeeded(HasMetadata resource) {
        attempts.remove(resource.getMetadata().getUid());
    }
}
