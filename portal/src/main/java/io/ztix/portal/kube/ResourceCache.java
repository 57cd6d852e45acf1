package io.ztix.portal.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.reading.TolerantReading;
import io.ztix.api.routeserver.RouteServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Informer caches of the ZT-IX resources: pages and the live-status endpoint read from here instead of
 * calling the Kubernetes API on every view.
 */
@ApplicationScoped
public class ResourceCache {

    private static final Logger LOG = Logger.getLogger(ResourceCache.class);

    @Inject
    KubernetesClient client;

    @Inject
    ZtixNamespace namespace;

    @Inject
    MeterRegistry registry;

    private final Map<String, String> reported = new ConcurrentHashMap<>();

    private SharedIndexInformer<JoinRequest> joinRequests;
    private SharedIndexInformer<ZtNetwork> networks;
    private SharedIndexInformer<RouteServer> routeServers;
    private final List<ResourceEventHandler<JoinRequest>> pendingHandlers = new CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent event) {
        String ns = namespace.name();
        LOG.infof("watching ZT-IX resources in namespace %s", ns);
        joinRequests = client.resources(JoinRequest.class).inNamespace(ns).runnableInformer(0);
        pendingHandlers.forEach(handler -> joinRequests.addEventHandler(readableOnly(handler)));
        joinRequests.addEventHandler(reporter());
        joinRequests.start();
        networks = client.resources(ZtNetwork.class).inNamespace(ns).runnableInformer(0);
        networks.addEventHandler(reporter());
        networks.start();
        routeServers = client.resources(RouteServer.class).inNamespace(ns).runnableInformer(0);
        routeServers.addEventHandler(reporter());
        routeServers.start();
        for (var entry : Map.of("JoinRequest", (Supplier<SharedIndexInformer<?>>) () -> joinRequests,
                "ZtNetwork", () -> networks, "RouteServer", () -> routeServers).entrySet()) {
            Gauge stale = registry.find("ztix.portal.unreadable.resources").tag("kind", entry.getKey()).gauge();
            if (stale != null) {
                registry.remove(stale); // left by an earlier instance in this JVM: it reads a closed cache
            }
            Gauge.builder("ztix.portal.unreadable.resources", () -> unreadableCount(entry.getValue().get()))
                    .tag("kind", entry.getKey()).description("ZT-IX objects the portal cannot read (not shown)")
                    .register(registry);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        for (SharedIndexInformer<?> informer : new SharedIndexInformer<?>[] {joinRequests, networks, routeServers}) {
            if (informer != null) {
                informer.close();
            }
        }
    }

    /** True once every informer has listed its resources. */
    public boolean synced() {
        return joinRequests != null && networks != null && routeServers != null
                && joinRequests.hasSynced() && networks.hasSynced() && routeServers.hasSynced();
    }

    /** Informers that stopped for good (e.g. the API server refused them): the portal then serves stale data. */
    public List<String> stoppedInformers() {
        List<String> stopped = new java.util.ArrayList<>();
        if (joinRequests != null && joinRequests.stopped().toCompletableFuture().isDone()) {
            stopped.add("JoinRequest");
        }
        if (networks != null && networks.stopped().toCompletableFuture().isDone()) {
            stopped.add("ZtNetwork");
        }
        if (routeServers != null && routeServers.stopped().toCompletableFuture().isDone()) {
            stopped.add("RouteServer");
        }
        return stopped;
    }

    /** Names of JoinRequests that cannot be read: they are not shown, admins are told through the log and metric. */
    public List<String> unreadableJoinRequests() {
        return joinRequests == null ? List.of() : joinRequests.getStore().list().stream()
                .filter(TolerantReading::isUnreadable).map(r -> r.getMetadata().getName()).sorted().toList();
    }

    private static long unreadableCount(SharedIndexInformer<?> informer) {
        return informer == null ? 0 : informer.getStore().list().stream()
                .filter(r -> TolerantReading.isUnreadable((HasMetadata) r)).count();
    }

    /** Logs each unreadable version once. */
    private <T extends HasMetadata> ResourceEventHandler<T> reporter() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                report(resource);
            }

            @Override
            public void onUpdate(T old, T resource) {
                report(resource);
            }

            @Override
            public void onDelete(T resource, boolean deletedFinalStateUnknown) {
                reported.remove(resource.getMetadata().getUid());
            }
        };
    }

    private void report(HasMetadata resource) {
        var problem = TolerantReading.problem(resource);
        String uid = resource.getMetadata().getUid() == null ? resource.getMetadata().getName() : resource.getMetadata().getUid();
        if (problem.isEmpty()) {
            reported.remove(uid);
        } else if (!String.valueOf(resource.getMetadata().getResourceVersion()).equals(
                reported.put(uid, String.valueOf(resource.getMetadata().getResourceVersion())))) {
            LOG.warnf("%s %s (resourceVersion %s) cannot be read and is not shown: %s", resource.getKind(),
                    resource.getMetadata().getName(), resource.getMetadata().getResourceVersion(), problem.get());
        }
    }

    /** Handlers (the audit of decisions) never see an unreadable object: a missing spec is not "no decision". */
    private static ResourceEventHandler<JoinRequest> readableOnly(ResourceEventHandler<JoinRequest> handler) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(JoinRequest resource) {
                if (!TolerantReading.isUnreadable(resource)) {
                    handler.onAdd(resource);
                }
            }

            @Override
            public void onUpdate(JoinRequest old, JoinRequest resource) {
                if (!TolerantReading.isUnreadable(resource)) {
                    handler.onUpdate(old, resource);
                }
            }

            @Override
            public void onDelete(JoinRequest resource, boolean deletedFinalStateUnknown) {
                handler.onDelete(resource, deletedFinalStateUnknown);
            }
        };
    }

    /** Registers a handler for JoinRequest changes (before or after start). */
    public void onJoinRequestChange(ResourceEventHandler<JoinRequest> handler) {
        if (joinRequests == null) {
            pendingHandlers.add(handler);
        } else {
            joinRequests.addEventHandler(readableOnly(handler));
        }
    }

    /** Calls {@code seen} with every JoinRequest the informer adds or updates (before or after start); deletions are not passed on. */
    public void onJoinRequestSeen(Consumer<JoinRequest> seen) {
        onJoinRequestChange(new ResourceEventHandler<>() {
            @Override
            public void onAdd(JoinRequest r) {
                seen.accept(r);
            }

            @Override
            public void onUpdate(JoinRequest old, JoinRequest r) {
                seen.accept(r);
            }

            @Override
            public void onDelete(JoinRequest r, boolean deletedFinalStateUnknown) {
            }
        });
    }

    public List<JoinRequest> joinRequests() {
        return joinRequests(r -> true);
    }

    /**
     * The readable requests that pass the filter, newest first. Filtered before they are sorted: a member's page
     * sorts its own few requests, not all of the cache's (with 1,000 cached, sorting them all was a fifth of the
     * portal's CPU time under PortalLoadBenchmark's load).
     */
    public List<JoinRequest> joinRequests(Predicate<JoinRequest> filter) {
        return joinRequests == null ? List.of() : joinRequests.getStore().list().stream()
                .filter(r -> !TolerantReading.isUnreadable(r) && filter.test(r))
                .sorted(Comparator.comparing((JoinRequest r) -> r.getMetadata().getCreationTimestamp(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public Optional<JoinRequest> joinRequest(String name) {
        return joinRequests == null ? Optional.empty()
                : Optional.ofNullable(joinRequests.getStore().getByKey(namespace.name() + "/" + name))
                        .filter(r -> !TolerantReading.isUnreadable(r));
    }

    public List<ZtNetwork> networks() {
        return networks == null ? List.of() : networks.getStore().list().stream()
                .filter(n -> !TolerantReading.isUnreadable(n))
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
    }

    public Optional<ZtNetwork> network(String name) {
        return networks == null ? Optional.empty()
                : Optional.ofNullable(networks.getStore().getByKey(namespace.name() + "/" + name))
                        .filter(n -> !TolerantReading.isUnreadable(n));
    }

    public List<RouteServer> routeServers(String networkRef) {
        return routeServers == null ? List.of() : routeServers.getStore().list().stream()
                .filter(rs -> !TolerantReading.isUnreadable(rs) && rs.getSpec() != null && networkRef.equals(rs.getSpec().networkRef))
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getName())).toList();
    }
}
