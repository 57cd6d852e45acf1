package io.ztix.portal.audit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Failed logins reach the append-only audit log aggregated and rate-limited, so that no visitor can make it
 * grow by one row per request. Per window (a minute by default) the first failure of a kind (actor, action,
 * target, reason) is written at once, at most {@link #MAX_AT_ONCE} of them; the others are counted, with a
 * few of their client addresses, and written as one summary row per kind when the window ends. At most
 * {@link #MAX_KINDS} kinds are told apart per window; further failures share one catch-all kind. A window
 * therefore writes at most MAX_AT_ONCE + MAX_KINDS + 1 rows whatever arrives.
 *
 * <p>The counts are kept in the database ({@code pending_login_failure}, one row per kind and portal), not in
 * memory: a portal that is killed before its window ends loses nothing. Each flush summarises this portal's
 * rows and those no portal has counted into for a whole window (a portal that died); moving them into the audit
 * log and deleting them is one transaction, so two portals never both write a row.
 */
@ApplicationScoped
public class FailureAggregator {

    static final int MAX_KINDS = 100;
    static final int MAX_AT_ONCE = 30;
    static final int MAX_SOURCES = 5;
    private static final Logger LOG = Logger.getLogger(FailureAggregator.class);

    private record Kind(String actor, String action, String target, String reason) {
    }

    private final DataSource dataSource;
    private final Duration window;
    private final String instance = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ztix-audit-failures");
        thread.setDaemon(true);
        return thread;
    });

    private Instant windowStart;
    private Set<Kind> kinds = new HashSet<>();
    private int writtenAtOnce;

    /** @param window ztix.portal.audit.failure-window (declared with the other portal settings in PortalAccessConfig) */
    @Inject
    FailureAggregator(DataSource dataSource, @ConfigProperty(name = "ztix.portal.audit.failure-window") Duration window) {
        this.dataSource = dataSource;
        this.window = window;
        this.windowStart = clock.instant();
        long millis = Math.max(1000, window.toMillis());
        timer.scheduleWithFixedDelay(this::flushIfDue, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Records one failure. {@code reason} should be a short, fixed text (the kind); {@code source} the client
     * address. Runs the database write on the calling thread: call it from a worker thread.
     */
    public void failure(String actor, String action, String target, String reason, String source) {
        Kind kind = new Kind(clip(actor, 100), action, clip(target, 100), clip(reason, 200));
        boolean now = false;
        boolean due;
        synchronized (this) {
            due = rollIfOver(clock.instant());
            if (!kinds.contains(kind) && kinds.size() >= MAX_KINDS) {
                kind = new Kind("(various)", action, "(various)", "failures of more kinds than the log tells apart");
            }
            if (kinds.add(kind)) {
                now = writtenAtOnce < MAX_AT_ONCE;
                if (now) {
                    writtenAtOnce++;
                }
            }
        }
        if (due) {
            summarise();
        }
        if (now) {
            write(kind.actor(), kind.action(), kind.target(), kind.reason() + (source == null ? "" : ", from " + clip(source, 64)));
        } else {
            count(kind, clip(source, 64));
        }
    }

    /** Writes the summaries of the current window now (tests, and shutdown). */
    public void flush() {
        synchronized (this) {
            startWindow(clock.instant());
        }
        summarise();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        flush();
    }

    private void flushIfDue() {
        synchronized (this) {
            rollIfOver(clock.instant());
        }
        summarise(); // also the rows of portals that died, whether or not this portal's window is over
    }

    private boolean rollIfOver(Instant now) {
        if (now.isBefore(windowStart.plus(window))) {
            return false;
        }
        startWindow(now);
        return true;
    }

    private void startWindow(Instant now) {
        kinds = new HashSet<>();
        writtenAtOnce = 0;
        windowStart = now;
    }

    private void count(Kind kind, String source) {
        String sql = "insert into pending_login_failure as p (instance, actor, action, target, reason, window_start, "
                + "failures, sources) values (?, ?, ?, ?, ?, ?, 1, case when ?::text is null then '{}'::text[] "
                + "else array[?::text] end) on conflict (instance, actor, action, target, reason) do update set "
                + "failures = p.failures + 1, "
                + "sources = case when excluded.sources = '{}' or excluded.sources[1] = any(p.sources) "
                + "or cardinality(p.sources) >= ? then p.sources else p.sources || excluded.sources end, "
                + "other_sources = p.other_sources + case when excluded.sources <> '{}' "
                + "and not excluded.sources[1] = any(p.sources) and cardinality(p.sources) >= ? then 1 else 0 end, "
                + "updated = now()";
        Timestamp since;
        synchronized (this) {
            since = Timestamp.from(windowStart);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, instance);
            ps.setString(2, orEmpty(kind.actor()));
            ps.setString(3, orEmpty(kind.action()));
            ps.setString(4, orEmpty(kind.target()));
            ps.setString(5, orEmpty(kind.reason()));
            ps.setTimestamp(6, since);
            ps.setString(7, source);
            ps.setString(8, source);
            ps.setInt(9, MAX_SOURCES);
            ps.setInt(10, MAX_SOURCES);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not count a %s of %s for the audit log: %s", kind.action(), kind.target(), e.getMessage());
        }
    }

    /** Moves this portal's counted failures, and those of portals that stopped counting a window ago, into the log. */
    private void summarise() {
        String sql = "delete from pending_login_failure where instance = ? or updated < now() - make_interval(secs => ?) "
                + "returning actor, action, target, reason, window_start, failures, sources, other_sources";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, instance);
                ps.setDouble(2, Math.max(1, window.toSeconds()));
                try (ResultSet rs = ps.executeQuery()) {
                    List<String[]> rows = new java.util.ArrayList<>();
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                                summary(rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getArray(7), rs.getInt(8))});
                    }
                    for (String[] row : rows) {
                        AuditLog.insert(c, row[0], row[1], nullIfEmpty(row[2]), row[3]);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warnf("could not write the summaries of failed logins to the audit log (kept for the next try): %s",
                    e.getMessage());
        }
    }

    private static String summary(String reason, Instant since, int failures, Array sources, int otherSources)
            throws SQLException {
        String[] addresses = (String[]) sources.getArray();
        return failures + " more since " + since.truncatedTo(ChronoUnit.SECONDS) + ": " + reason
                + (addresses.length == 0 ? "" : ", from " + String.join(", ", addresses))
                + (otherSources == 0 ? "" : " and " + otherSources + " other addresses");
    }

    private void write(String actor, String action, String target, String details) {
        try (Connection c = dataSource.getConnection()) {
            AuditLog.insert(c, actor, action, target, details);
        } catch (SQLException e) {
            LOG.warnf("could not audit %s %s: %s", action, target, e.getMessage());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
