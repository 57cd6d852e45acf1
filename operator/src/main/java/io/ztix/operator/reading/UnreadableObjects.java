package io.ztix.operator.reading;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztix.api.reading.TolerantReading;
import io.ztix.operator.common.EventRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reports ZT-IX objects the model cannot read, and keeps the operator's hands off them: such an object is
 * frozen (no controller call, no status write, no decision read from it; the route servers keep its last
 * admitted member). Each bad version is logged and recorded as a Warning Event once; the gauge
 * {@code ztix_unreadable_resources{kind}} counts those in the operator's caches.
 */
@ApplicationScoped
public class UnreadableObjects {

    private static final Logger LOG = Logger.getLogger(UnreadableObjects.class);
    static final String METRIC = "ztix.unreadable.resources";

    private final EventRecorder events;
    private final MeterRegistry registry;
    private final Map<String, String> reportedVersion = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Stream<? extends HasMetadata>>> caches = new ConcurrentHashMap<>();

    public UnreadableObjects(EventRecorder events, MeterRegistry registry) {
        this.events = events;
        this.registry = registry;
    }

    /** True when the object could not be read: the caller must leave it alone. Reports each bad version once. */
    public boolean frozen(HasMetadata resource) {
        String uid = resource.getMetadata().getUid() == null ? resource.getMetadata().getName() : resource.getMetadata().getUid();
        var problem = TolerantReading.problem(resource);
        if (problem.isEmpty()) {
            reportedVersion.remove(uid);
            return false;
        }
        String version = String.valueOf(resource.getMetadata().getResourceVersion());
        if (!version.equals(reportedVersion.put(uid, version))) {
            String message = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
                    + resource.getMetadata().getName() + " (resourceVersion " + version + ") cannot be read: "
                    + problem.get() + ". It is frozen: the operator does not act on it and route servers keep its last "
                    + "admitted state until the object is fixed (kubectl edit, or apply the corrected manifest)";
            LOG.warn(message);
            events.warning(resource, "Unreadable", message);
        }
        return true;
    }

    /** Counts the unreadable objects of one kind in a cache (the latest cache given wins, e.g. after a restart). */
    public void count(String kind, Supplier<Stream<? extends HasMetadata>> cache) {
        caches.put(kind, cache);
        Gauge existing = registry.find(METRIC).tag("kind", kind).gauge();
        if (existing != null) {
            registry.remove(existing); // a gauge left by an earlier operator instance reads a dead cache
        }
        Gauge.builder(METRIC, () -> unreadable(kind))
                .tag("kind", kind).description("ZT-IX objects the operator cannot read (frozen)").register(registry);
    }

    public double unreadable(String kind) {
        Supplier<Stream<? extends HasMetadata>> cache = caches.get(kind);
        return cache == null ? 0 : cache.get().filter(TolerantReading::isUnreadable).count();
    }
}
