package io.ztix.testing.apicalls;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many Kubernetes API requests the component under test made, per kind of call ("patch
 * ztix.io/joinrequests/status", "get core/secrets"), counted by the same interceptor that writes the
 * recordings; calls made by test code are not counted. For benchmarks: take a {@link #snapshot()} before and
 * after and subtract.
 */
public final class ApiCallCounts {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private ApiCallCounts() {
    }

    static void count(ApiCall call) {
        COUNTS.computeIfAbsent(key(call), k -> new LongAdder()).increment();
    }

    /** The counts so far, by kind of call, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    /** What happened between two snapshots (kinds without calls left out). */
    public static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> difference = new TreeMap<>();
        snapshot().forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta != 0) {
                difference.put(key, delta);
            }
        });
        return difference;
    }

    private static String key(ApiCall call) {
        if (call.path() != null) {
            return call.verb() + " " + call.path();
        }
        return call.verb() + " " + (call.group().isEmpty() ? "core" : call.group()) + "/" + call.resource()
                + (call.subresource() == null ? "" : "/" + call.subresource());
    }
}
