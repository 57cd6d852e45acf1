package io.ztix.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * An open-loop HTTP load at a fixed rate, as many independent users make it: request i is sent at start + i/rate
 * whether or not earlier answers came back, so a slow server does not slow the load down, and each latency is
 * measured from the request's scheduled send time, not from when it was actually sent (coordinated omission: a
 * stall counts against every request scheduled during it). The pages are requested in turn, with one session's
 * cookies; an answer is an error unless it is 200 and its body passes the check.
 */
final class OpenLoopLoad {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One answered (or failed) request: the page, when it was scheduled (nanoseconds from the run's start), nanoseconds
     * from its scheduled send time to the answer, and what went wrong.
     */
    record Sample(String page, long scheduledNanos, long latencyNanos, String error) {
    }

    /** The samples of one run. */
    record Result(List<Sample> samples, double seconds) {

        List<Sample> errors() {
            return samples.stream().filter(s -> s.error() != null).toList();
        }

        String summary() {
            return summary(samples) + String.format(", %.1f requests/s sent", samples.size() / seconds);
        }

        /** p99 of each window of the run, in order: whether a slow tail is spread out or one stretch of it. */
        String p99PerWindow(Duration window) {
            long width = window.toNanos();
            return samples.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.scheduledNanos() / width,
                    java.util.TreeMap::new, java.util.stream.Collectors.toList())).values().stream()
                    .map(of -> String.format("%.1f", percentile(of.stream().mapToLong(Sample::latencyNanos).sorted()
                            .toArray(), 0.99) / 1e6))
                    .collect(java.util.stream.Collectors.joining(" / ", "", " ms"));
        }

        String summary(String page) {
            return summary(samples.stream().filter(s -> s.page().equals(page)).toList());
        }

        private static String summary(List<Sample> of) {
            long[] nanos = of.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
            if (nanos.length == 0) {
                return "no requests";
            }
            long errors = of.stream().filter(s -> s.error() != null).count();
            String firstError = of.stream().map(Sample::error).filter(e -> e != null).findFirst().orElse("");
            return String.format("%d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%s", nanos.length,
                    percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6, nanos[nanos.length - 1] / 1e6, errors,
                    errors == 0 ? "" : " (first: " + firstError + ")");
        }

        private static long percentile(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
        }
    }

    private final String base;
    private final String cookies;
    private final List<String> pages;
    private final Predicate<String> check;

    OpenLoopLoad(String base, String cookies, List<String> pages, Predicate<String> check) {
        this.base = base;
        this.cookies = cookies;
        this.pages = List.copyOf(pages);
        this.check = check;
    }

    /** Sends rate requests per second for the duration, then waits for every answer (or its timeout). */
    Result run(int rate, Duration duration) throws InterruptedException {
        int total = (int) (rate * duration.toMillis() / 1000);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> answers = new ArrayList<>(total);
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        try {
            HttpClient http = HttpClient.newBuilder().executor(callbacks).connectTimeout(ANSWER_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                for (long wait; (wait = scheduled - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                String page = pages.get(i % pages.size());
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + page)).timeout(ANSWER_TIMEOUT)
                        .header("Cookie", cookies).GET().build();
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                    long latency = System.nanoTime() - scheduled;
                    samples.add(new Sample(page, scheduled - start, latency, failure != null ? failure.toString()
                            : response.statusCode() != 200 ? "HTTP " + response.statusCode()
                            : check.test(response.body()) ? null : "unexpected body"));
                    return null;
                }));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
            return new Result(List.copyOf(samples), seconds);
        } finally {
            callbacks.shutdownNow();
        }
    }

    /** The 1, 5 and 15 minute load averages of this machine. */
    static String loadAverage() {
        try {
            return String.join(" / ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
