package io.ztix.operator.recheck;

import io.ztix.api.joinrequest.MemberFinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztix.operator.peeringdb.PeeringDbClient;
import io.ztix.operator.peeringdb.PeeringDbConfig;
import io.ztix.operator.peeringdb.PeeringDbException;
import io.ztix.operator.peeringdb.PeeringDbNet;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Re-checks admitted members against PeeringDB in the background. JoinRequests ask for their ASN's last result
 * ({@link #result}); that never waits for PeeringDB. Every {@code ztix.recheck.tick} the ASNs asked for whose last
 * check is older than {@code ztix.recheck.interval} (and new ones) are looked up, {@code ztix.peeringdb.batch-size} in
 * one {@code asn__in} call.
 *
 * <p>Fail static: a failed call (down, slow, 401, 429, 5xx, garbage) changes no result; it is logged, counted in
 * {@code ztix_peeringdb_check_failures_total{kind}} and shown by {@code ztix_peeringdb_check_failing}, and nothing is
 * asked again before {@code ztix.recheck.retry-after-failure} or a 429's {@code Retry-After}, whichever is longer.
 * Results live in memory: after a restart a JoinRequest keeps the MemberCheck condition it has until the next
 * successful check. Only the leader reconciles, so only the leader asks.
 */
@ApplicationScoped
public class MemberChecks {

    private static final Logger LOG = Logger.getLogger(MemberChecks.class);
    /** ASNs no request asked for this long (twice the interval if longer) are forgotten: members who left. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** One PeeringDB call; {@link PeeringDbClient#nets} in production. */
    @FunctionalInterface
    public interface Source {
        Map<Long, PeeringDbNet> nets(List<Long> asns) throws PeeringDbException;
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Source source;
    private final int batchSize;
    private final Duration interval;
    private final Duration retryAfterFailure;
    private final Duration tick;
    private final Clock clock;
    private final MeterRegistry registry;
    private volatile Instant notBefore = Instant.MIN;
    private volatile PeeringDbException lastFailure;
    private volatile ScheduledExecutorService scheduler;

    @Inject
    public MemberChecks(PeeringDbConfig peeringDb, RecheckConfig config, KubernetesClient kubernetes, MeterRegistry registry,
            Clock clock) {
        this(PeeringDbClient.from(peeringDb, kubernetes, clock)::nets, peeringDb.batchSize(), atLeast(config), config.retryAfterFailure(),
                config.tick(), registry, clock);
    }

    public MemberChecks(Source source, int batchSize, Duration interval, Duration retryAfterFailure, Duration tick,
            MeterRegistry registry, Clock clock) {
        this.source = source;
        this.batchSize = Math.max(1, batchSize);
        this.interval = interval;
        this.retryAfterFailure = retryAfterFailure;
        this.tick = tick;
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("ztix.peeringdb.check.failing", () -> lastFailure == null ? 0 : 1)
                .description("1 while the last PeeringDB call of the member re-checks failed (members keep their last result)")
                .register(registry);
    }

    /** The last result for {@code asn} (empty before its first successful check); asks for it to be checked. */
    public Optional<CheckResult> result(long asn) {
        if (scheduler == null) {
            startTicking();
        }
        Entry entry = entries.computeIfAbsent(asn, a -> new Entry(Instant.now(clock)));
        entry.lastWanted = Instant.now(clock);
        return Optional.ofNullable(entry.result);
    }

    /** Why the last PeeringDB call failed; empty when it succeeded (or none was made yet). */
    public Optional<String> failure() {
        PeeringDbException failure = lastFailure;
        return failure == null ? Optional.empty() : Optional.of(failure.getMessage());
    }

    /**
     * Checks the ASNs that are due, batch after batch; stops at the first failed call.
     *
     * @return how many PeeringDB calls were made
     */
    public synchronized int runDue() {
        Instant now = Instant.now(clock);
        Duration unwanted = interval.multipliedBy(2).compareTo(FORGET_AFTER) > 0 ? interval.multipliedBy(2) : FORGET_AFTER;
        entries.values().removeIf(e -> e.lastWanted.isBefore(now.minus(unwanted)));
        if (now.isBefore(notBefore)) {
            return 0;
        }
        List<Long> due = entries.entrySet().stream()
                .filter(e -> e.getValue().result == null || !now.isBefore(e.getValue().result.checkedAt().plus(interval)))
                .map(Map.Entry::getKey).sorted().toList();
        int calls = 0;
        for (int from = 0; from < due.size(); from += batchSize) {
            List<Long> batch = due.subList(from, Math.min(due.size(), from + batchSize));
            calls++;
            try {
                Map<Long, PeeringDbNet> nets = source.nets(new ArrayList<>(batch));
                if (batch.size() > 1 && batch.stream().noneMatch(nets::containsKey)) {
                    calls += askedOneByOne(batch);
                } else {
                    record(batch, nets);
                }
            } catch (PeeringDbException e) {
                failed(e);
                return calls;
            }
        }
        if (lastFailure != null && calls > 0) {
            LOG.infof("PeeringDB answers again; member re-checks continue");
            lastFailure = null;
        }
        return calls;
    }

    /**
     * A successful answer without a network for any of several ASNs is not taken as all of them gone: an empty or
     * cut-short page from PeeringDB would otherwise make a finding about (and perhaps suspend) a whole batch of
     * members at once. Each ASN is asked alone, and only those answers count.
     *
     * @return the calls made
     */
    private int askedOneByOne(List<Long> batch) throws PeeringDbException {
        LOG.warnf("PeeringDB answered no network for any of %d ASNs asked at once (%d ... %d); asking each alone",
                batch.size(), batch.get(0), batch.get(batch.size() - 1));
        Counter.builder("ztix.peeringdb.check.empty.batches")
                .description("Answers without any of several ASNs asked; each ASN was asked again alone")
                .register(registry).increment();
        for (Long asn : batch) {
            record(List.of(asn), source.nets(List.of(asn)));
        }
        return batch.size();
    }

    private void record(List<Long> batch, Map<Long, PeeringDbNet> nets) {
        Instant at = Instant.now(clock);
        for (Long asn : batch) {
            PeeringDbNet net = nets.get(asn);
            MemberFinding finding = net == null ? MemberFinding.NoPeeringDbNetwork
                    : net.neverViaRouteServers() ? MemberFinding.NeverViaRouteServers : null;
            Entry entry = entries.get(asn);
            if (entry != null) {
                entry.result = new CheckResult(finding, at);
            }
        }
    }

    private void failed(PeeringDbException e) {
        lastFailure = e;
        Duration wait = e.retryAfter().filter(w -> w.compareTo(retryAfterFailure) > 0).orElse(retryAfterFailure);
        notBefore = Instant.now(clock).plus(wait);
        Counter.builder("ztix.peeringdb.check.failures").tag("kind", e.kind().name())
                .description("PeeringDB calls of the member re-checks that failed; no member changes because of one")
                .register(registry).increment();
        LOG.warnf("member re-check against PeeringDB failed, every member keeps its last result; next attempt in %s: %s",
                wait, e.getMessage());
    }

    private synchronized void startTicking() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ztix-member-recheck");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "member re-check failed");
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS); // the first tick after one tick: a caller that runs the checks itself (a test) is not raced
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static Duration atLeast(RecheckConfig config) {
        if (config.interval().compareTo(config.minimumInterval()) >= 0) {
            return config.interval();
        }
        LOG.warnf("ztix.recheck.interval %s is shorter than %s (PeeringDB asks for no refresh more often than hourly); "
                + "using %s", config.interval(), config.minimumInterval(), config.minimumInterval());
        return config.minimumInterval();
    }

    /** One ASN's state; fields written under the registry's lock or by the reconciler (lastWanted). */
    private static final class Entry {
        volatile CheckResult result;
        volatile Instant lastWanted;

        Entry(Instant wanted) {
            this.lastWanted = wanted;
        }
    }
}
