package io.ztix.portal.audit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Failed logins reach the append-only audit log aggregated and rate-limited, so that no visitor can make it
 * grow by one row per request. Per window (a minute by default) the first failure of a kind (actor, action,
 * target, reason) is written at once, at most {@link #MAX_AT_ONCE} of them; the others are counted, with a
 * few of their client addresses, and written as one summary row per kind when the window ends. At most
 * {@link #MAX_KINDS} kinds are told apart per window; further failures share one catch-all kind. A window
 * therefore writes at most MAX_AT_ONCE + MAX_KINDS + 1 rows whatever arrives.
 */
@ApplicationScoped
public class FailureAggregator {

    static final int MAX_KINDS = 100;
    static final int MAX_AT_ONCE = 30;
    static final int MAX_SOURCES = 5;
    private static final Logger LOG = Logger.getLogger(FailureAggregator.class);

    private record Kind(String actor, String action, String target, String reason) {
    }

    private static final class Tally {
        int count;
        final Set<String> sources = new LinkedHashSet<>();
        int otherSources;

        void add(String source) {
            count++;
            if (source != null && !sources.contains(source)) {
                if (sources.size() < MAX_SOURCES) {
                    sources.add(source);
                } else {
                    otherSources++;
                }
            }
        }
    }

    private record Row(String actor, String action, String target, String details) {
    }

    private final AuditLog audit;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ztix-audit-failures");
        thread.setDaemon(true);
        return thread;
    });

    private Instant windowStart;
    private Map<Kind, Tally> tallies = new LinkedHashMap<>();
    private int writtenAtOnce;

    /** @param window ztix.portal.audit.failure-window (declared with the other portal settings in PortalAccessConfig) */
    @Inject
    FailureAggregator(AuditLog audit, @ConfigProperty(name = "ztix.portal.audit.failure-window") Duration window) {
        this.audit = audit;
        this.window = window;
        this.windowStart = clock.instant();
        long millis = Math.max(1000, window.toMillis());
        timer.scheduleWithFixedDelay(this::flushIfDue, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Records one failure. {@code reason} should be a short, fixed text (the kind); {@code source} the client
     * address. Runs the database write, if any, on the calling thread: call it from a worker thread.
     */
    public void failure(String actor, String action, String target, String reason, String source) {
        Kind kind = new Kind(clip(actor, 100), action, clip(target, 100), clip(reason, 200));
        boolean now = false;
        List<Row> due;
        synchronized (this) {
            due = rollIfOver(clock.instant());
            Tally tally = tallies.get(kind);
            if (tally == null && tallies.size() >= MAX_KINDS) {
                kind = new Kind("(various)", action, "(various)", "failures of more kinds than the log tells apart");
                tally = tallies.get(kind);
            }
            if (tally == null) {
                tallies.put(kind, new Tally());
                now = writtenAtOnce < MAX_AT_ONCE;
                if (now) {
                    writtenAtOnce++;
                } else {
                    tallies.get(kind).add(clip(source, 64));
                }
            } else {
                tally.add(clip(source, 64));
            }
        }
        write(due);
        if (now) {
            write(List.of(new Row(kind.actor(), kind.action(), kind.target(),
                    kind.reason() + (source == null ? "" : ", from " + clip(source, 64)))));
        }
    }

    /** Writes the summaries of the current window now (tests, and shutdown). */
    public void flush() {
        List<Row> due;
        synchronized (this) {
            due = summaries();
            tallies = new LinkedHashMap<>();
            writtenAtOnce = 0;
            windowStart = clock.instant();
        }
        write(due);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        flush();
    }

    private void flushIfDue() {
        List<Row> due;
        synchronized (this) {
            due = rollIfOver(clock.instant());
        }
        write(due);
    }

    private List<Row> rollIfOver(Instant now) {
        if (now.isBefore(windowStart.plus(window))) {
            return List.of();
        }
        List<Row> due = summaries();
        tallies = new LinkedHashMap<>();
        writtenAtOnce = 0;
        windowStart = now;
        return due;
    }

    private List<Row> summaries() {
        List<Row> rows = new ArrayList<>();
        String since = windowStart.truncatedTo(ChronoUnit.SECONDS).toString();
        tallies.forEach((kind, tally) -> {
            if (tally.count > 0) {
                rows.add(new Row(kind.actor(), kind.action(), kind.target(), tally.count + " more since " + since
                        + ": " + kind.reason() + (tally.sources.isEmpty() ? "" : ", from " + String.join(", ", tally.sources))
                        + (tally.otherSources == 0 ? "" : " and " + tally.otherSources + " other addresses")));
            }
        });
        return rows;
    }

    private void write(List<Row> rows) {
        for (Row row : rows) {
            try {
                audit.record(row.actor(), row.action(), row.target(), row.details());
            } catch (RuntimeException e) {
                LOG.warnf("could not audit %s %s: %s", row.action(), row.target(), e.getMessage());
            }
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
