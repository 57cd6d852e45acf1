package io.ztix.operator.joinrequest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.OperatorConfig;
import io.ztix.operator.reading.UnreadableObjects;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reports, from the informer's cache, the JoinRequests the reconciler cannot reach. The reconciler runs only once
 * the operator's finalizer is on the object; an API server refuses that finalizer (and any status) on an object
 * that got into etcd breaking a rule it checks on every write (an older CRD, a cluster without validation
 * ratcheting), so such an object's problem would appear nowhere. A request without the finalizer that is
 * unreadable or invalid and still unchanged at the next look is reported once per resourceVersion: an
 * {@code Unreadable} or {@code InvalidSpec} Warning Event on the object, and the gauge
 * {@code ztix_out_of_reach_resources{kind="JoinRequest"}}. Such a request was never admitted, so nothing is removed.
 */
@ApplicationScoped
public class RequestsOutOfReach {

    private static final Logger LOG = Logger.getLogger(RequestsOutOfReach.class);
    static final String METRIC = "ztix.out.of.reach.resources";

    private final UnreadableObjects unreadable;
    private final EventRecorder events;
    private final MeterRegistry registry;
    private final OperatorConfig config;
    /** uid to the resourceVersion it had, without the finalizer and with a problem, at the last look. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private final Set<String> outOfReach = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;

    public RequestsOutOfReach(UnreadableObjects unreadable, EventRecorder events, MeterRegistry registry,
            OperatorConfig config) {
        this.unreadable = unreadable;
        this.events = events;
        this.registry = registry;
        this.config = config;
    }

    /** Looks at this cache from now on (the latest cache given wins, e.g. after a restart of the controller). */
    public synchronized void watch(IndexerResourceCache<JoinRequest> cache) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ztix-requests-out-of-reach");
                thread.setDaemon(true);
                return thread;
            });
            Gauge.builder(METRIC, outOfReach, Set::size).tag("kind", "JoinRequest")
                    .description("JoinRequests the operator cannot take in (no finalizer; unreadable or invalid)")
                    .register(registry);
        }
        if (task != null) {
            task.cancel(false);
        }
        long every = config.outOfReachCheckInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(() -> look(cache.list().toList()), every, every, TimeUnit.MILLISECONDS);
    }

    /** One look at the cache's requests. */
    void look(List<JoinRequest> requests) {
        try {
            Map<String, String> now = new HashMap<>();
            for (JoinRequest request : requests) {
                if (taken(request)) {
                    continue;
                }
                boolean unreadableNow = TolerantReading.isUnreadable(request);
                List<String> problems = unreadableNow ? List.of() : JoinRequestValidator.problems(request);
                if (!unreadableNow && problems.isEmpty()) {
                    continue;
                }
                String uid = uid(request);
                String version = String.valueOf(request.getMetadata().getResourceVersion());
                now.put(uid, version);
                if (version.equals(seen.get(uid))) {
                    outOfReach.add(uid);
                    report(request, uid, version, unreadableNow, problems);
                }
            }
            seen.keySet().retainAll(now.keySet());
            seen.putAll(now);
            outOfReach.retainAll(now.keySet());
            reported.keySet().retainAll(now.keySet());
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not look for JoinRequests out of the operator's reach");
        }
    }

    private void report(JoinRequest request, String uid, String version, boolean unreadableNow, List<String> problems) {
        if (version.equals(reported.put(uid, version))) {
            return;
        }
        if (unreadableNow) {
            unreadable.frozen(request); // its own Event, once per resourceVersion
            return;
        }
        String message = String.join("; ", problems) + ". The operator has not been able to take this request in"
                + " (it still has no finalizer " + JoinRequestReconciler.FINALIZER + "): the API server refuses the"
                + " operator's writes to the object (see the operator's log), so its status cannot say so. Fix the"
                + " object, or delete it and create it anew";
        LOG.warnf("JoinRequest %s/%s (resourceVersion %s): %s", request.getMetadata().getNamespace(),
                request.getMetadata().getName(), version, message);
        events.warning(request, "InvalidSpec", message);
    }

    private static boolean taken(HasMetadata request) {
        return request.getMetadata().getDeletionTimestamp() != null || (request.getMetadata().getFinalizers() != null
                && request.getMetadata().getFinalizers().contains(JoinRequestReconciler.FINALIZER));
    }

    private static String uid(HasMetadata request) {
        return request.getMetadata().getUid() == null
                ? request.getMetadata().getNamespace() + "/" + request.getMetadata().getName()
                : request.getMetadata().getUid();
    }

    /** The requests now out of reach (for tests and the gauge). */
    public int count() {
        return outOfReach.size();
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
