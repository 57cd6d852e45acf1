package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.routeserver.RouteServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Where a burst's time goes, watched from outside the operator: when each request was first seen approved,
 * admitted (addresses allocated) and Active, and when each route server recorded a new applied configuration.
 * Two watches of the test's own; they add no load to the operator.
 */
final class BurstTimeline implements AutoCloseable {

    private final long start;
    private final Map<String, Long> approved = new ConcurrentHashMap<>();
    private final Map<String, Long> admitted = new ConcurrentHashMap<>();
    private final Map<String, Long> active = new ConcurrentHashMap<>();
    private final List<String> applies = new CopyOnWriteArrayList<>();
    private final Map<String, String> appliedHash = new ConcurrentHashMap<>();
    private final SharedIndexInformer<JoinRequest> requests;
    private final SharedIndexInformer<RouteServer> routeServers;

    BurstTimeline(KubernetesClient client, String namespace, long start) {
        this.start = start;
        requests = client.resources(JoinRequest.class).inNamespace(namespace).inform(handler(this::sawRequest));
        routeServers = client.resources(RouteServer.class).inNamespace(namespace).inform(handler(this::sawRouteServer));
    }

    private void sawRequest(JoinRequest r) {
        String name = r.getMetadata().getName();
        long now = System.nanoTime();
        if (r.getSpec() != null && r.getSpec().approval != null && r.getSpec().approval.decision != null) {
            approved.putIfAbsent(name, now);
        }
        if (r.getStatus() != null && r.getStatus().admitted != null) {
            admitted.putIfAbsent(name, now);
        }
        if (r.getStatus() != null && r.getStatus().phase == Phase.Active) {
            active.putIfAbsent(name, now);
        }
    }

    private void sawRouteServer(RouteServer rs) {
        String hash = rs.getStatus() == null ? null : rs.getStatus().appliedConfigHash;
        String name = rs.getMetadata().getName();
        String before = hash == null ? null : appliedHash.put(name, hash);
        if (before != null && !before.equals(hash)) { // the configuration a route server ran before the burst is not counted
            applies.add(String.format("%s %.1f s", name, seconds(System.nanoTime())));
        }
    }

    /** One line per phase: first, median and last moment, in seconds since the burst started. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(line("approval seen", approved.values()));
        lines.add(line("admitted (addresses allocated)", admitted.values()));
        lines.add(line("Active", active.values()));
        lines.add("applied configurations (route server, seconds): " + applies);
        return lines;
    }

    private String line(String phase, Collection<Long> moments) {
        List<Long> sorted = moments.stream().filter(Predicate.not(Objects::isNull)).sorted().toList();
        if (sorted.isEmpty()) {
            return phase + ": none";
        }
        return String.format("%s: %d requests, first %.1f s, median %.1f s, last %.1f s", phase, sorted.size(),
                seconds(sorted.get(0)), seconds(sorted.get(sorted.size() / 2)), seconds(sorted.get(sorted.size() - 1)));
    }

    private double seconds(long nanos) {
        return (nanos - start) / 1e9;
    }

    private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> seen) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                seen.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                seen.accept(newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            }
        };
    }

    @Override
    public void close() {
        requests.close();
        routeServers.close();
    }
}
