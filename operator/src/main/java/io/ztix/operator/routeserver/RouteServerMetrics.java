package io.ztix.operator.routeserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RtrServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics per route server (labels {@code namespace}, {@code routeserver}):
 * <ul>
 * <li>{@code ztix_routeserver_ssh_sessions_total}; {@code ztix_routeserver_applies_total{outcome}} (applied,
 * unchanged, failed); {@code ztix_routeserver_health_checks_total{result}} (confirmed, confirmed_with_losses,
 * rolled_back, rollback_failed, skipped); {@code ztix_routeserver_observe_failures_total{reason}} (every failed
 * attempt to reach the route server or read BIRD: unreachable, auth, host_key, command);</li>
 * <li>gauges {@code ztix_routeserver_reachable} (1/0), {@code ztix_routeserver_last_observed_timestamp_seconds},
 * {@code ztix_routeserver_rollout_held} (1 while a rollout hold keeps its desired configuration back),
 * {@code ztix_routeserver_held_sessions} (sessions held for RPKI), and per RTR server (label {@code rtr}
 * host:port) {@code ztix_routeserver_rpki_up} (1 in sync) and {@code ztix_routeserver_rpki_roas{family}};</li>
 * <li>route counters of the member sessions ({@link #routes}).</li>
 * </ul>
 * Gauges of deleted route servers and removed RTR servers are dropped ({@link #retain}).
 */
@ApplicationScoped
public class RouteServerMetrics {

    static final String ROUTES = "ztix.routeserver.routes";
    static final String MEMBER_ROUTES = "ztix.routeserver.member.routes";

    private final MeterRegistry registry;
    private final Map<GaugeKey, AtomicLong> gauges = new ConcurrentHashMap<>();

    public RouteServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record GaugeKey(String name, String namespace, String routeServer, Tags extra) {
    }

    void sessionOpened(RouteServer routeServer) {
        counter("ztix.routeserver.ssh.sessions", routeServer, Tags.empty()).increment();
    }

    void applied(RouteServer routeServer, String outcome) {
        counter("ztix.routeserver.applies", routeServer, Tags.of("outcome", outcome)).increment();
    }

    void healthCheck(RouteServer routeServer, String result) {
        counter("ztix.routeserver.health.checks", routeServer, Tags.of("result", result)).increment();
    }

    void observeFailed(RouteServer routeServer, String reason) {
        counter("ztix.routeserver.observe.failures", routeServer, Tags.of("reason", reason)).increment();
        gauge("ztix.routeserver.reachable", routeServer, Tags.empty()).set(0);
    }

    void observed(RouteServer routeServer, long epochSecond, List<RtrServerStatus> rpki, int heldSessions) {
        gauge("ztix.routeserver.reachable", routeServer, Tags.empty()).set(1);
        gauge("ztix.routeserver.last.observed.timestamp.seconds", routeServer, Tags.empty()).set(epochSecond);
        gauge("ztix.routeserver.held.sessions", routeServer, Tags.empty()).set(heldSessions);
        Set<String> current = new HashSet<>();
        for (RtrServerStatus rtr : rpki) {
            String name = rtr.host + ":" + rtr.port;
            current.add(name);
            gauge("ztix.routeserver.rpki.up", routeServer, Tags.of("rtr", name)).set(Boolean.TRUE.equals(rtr.inSync) ? 1 : 0);
            gauge("ztix.routeserver.rpki.roas", routeServer, Tags.of("rtr", name, "family", "ipv4"))
                    .set(rtr.roas4 == null ? 0 : rtr.roas4);
            gauge("ztix.routeserver.rpki.roas", routeServer, Tags.of("rtr", name, "family", "ipv6"))
                    .set(rtr.roas6 == null ? 0 : rtr.roas6);
        }
        gauges.keySet().stream()
                .filter(k -> of(k, routeServer) && k.name.startsWith("ztix.routeserver.rpki."))
                .filter(k -> k.extra.stream().noneMatch(t -> t.getKey().equals("rtr") && current.contains(t.getValue())))
                .toList().forEach(this::remove);
    }

    /**
     * Route counters of the member sessions: the route server's totals per family ({@code ztix_routeserver_routes
     * {family, kind}}, kind imported or filtered) and, if {@code perMember}, per member ASN and family
     * ({@code ztix_routeserver_member_routes{asn, family, kind}}, kind imported, filtered or exported; the sum over
     * the ASN's sessions; 0 while a session is down). Series of ASNs that left are dropped.
     */
    void routes(RouteServer routeServer, List<PeerStatus> peers, boolean perMember) {
        Map<Tags, Long> totals = new HashMap<>();
        Map<Tags, Long> members = new HashMap<>();
        for (String family : List.of("ipv4", "ipv6")) {
            totals.put(Tags.of("family", family, "kind", "imported"), 0L);
            totals.put(Tags.of("family", family, "kind", "filtered"), 0L);
        }
        for (PeerStatus peer : peers) {
            long imported = peer.imported == null ? 0 : peer.imported;
            long filtered = peer.filtered == null ? 0 : peer.filtered;
            long exported = peer.exported == null ? 0 : peer.exported;
            totals.merge(Tags.of("family", peer.family, "kind", "imported"), imported, Long::sum);
            totals.merge(Tags.of("family", peer.family, "kind", "filtered"), filtered, Long::sum);
            if (perMember) {
                Tags member = Tags.of("asn", String.valueOf(peer.asn), "family", peer.family);
                members.merge(member.and("kind", "imported"), imported, Long::sum);
                members.merge(member.and("kind", "filtered"), filtered, Long::sum);
                members.merge(member.and("kind", "exported"), exported, Long::sum);
            }
        }
        totals.forEach((tags, value) -> gauge(ROUTES, routeServer, tags).set(value));
        members.forEach((tags, value) -> gauge(MEMBER_ROUTES, routeServer, tags).set(value));
        gauges.keySet().stream().filter(k -> k.name.equals(MEMBER_ROUTES) && of(k, routeServer) && !members.containsKey(k.extra))
                .toList().forEach(this::remove);
    }

    void rolloutHeld(RouteServer routeServer, boolean held) {
        gauge("ztix.routeserver.rollout.held", routeServer, Tags.empty()).set(held ? 1 : 0);
    }

    /** Drops the gauges of route servers that no longer exist ("namespace/name" keys). */
    void retain(Collection<String> routeServers) {
        gauges.keySet().stream().filter(k -> !routeServers.contains(k.namespace + "/" + k.routeServer)).toList()
                .forEach(this::remove);
    }

    public double sessions(String namespace, String name) {
        return count("ztix.routeserver.ssh.sessions", namespace, name, Tags.empty());
    }

    public double applies(String namespace, String name, String outcome) {
        return count("ztix.routeserver.applies", namespace, name, Tags.of("outcome", outcome));
    }

    public double healthChecks(String namespace, String name, String result) {
        return count("ztix.routeserver.health.checks", namespace, name, Tags.of("result", result));
    }

    public double observeFailures(String namespace, String name, String reason) {
        return count("ztix.routeserver.observe.failures", namespace, name, Tags.of("reason", reason));
    }

    /** A gauge's value, or NaN when it does not exist. */
    public double gaugeValue(String meter, String namespace, String name, String... extraTags) {
        Gauge gauge = registry.find(meter).tag("namespace", namespace).tag("routeserver", name).tags(extraTags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double count(String meter, String namespace, String name, Tags extra) {
        Counter counter = registry.find(meter).tag("namespace", namespace).tag("routeserver", name).tags(extra).counter();
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, RouteServer routeServer, Tags extra) {
        return Counter.builder(name).tags(base(routeServer)).tags(extra).register(registry);
    }

    private AtomicLong gauge(String name, RouteServer routeServer, Tags extra) {
        GaugeKey key = new GaugeKey(name, routeServer.getMetadata().getNamespace(), routeServer.getMetadata().getName(), extra);
        return gauges.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tags(base(routeServer)).tags(extra).register(registry);
            return value;
        });
    }

    private void remove(GaugeKey key) {
        if (gauges.remove(key) != null) {
            Gauge gauge = registry.find(key.name).tag("namespace", key.namespace).tag("routeserver", key.routeServer)
                    .tags(key.extra).gauge();
            if (gauge != null) {
                registry.remove(gauge);
            }
        }
    }

    private static boolean of(GaugeKey key, RouteServer routeServer) {
        return key.namespace.equals(routeServer.getMetadata().getNamespace())
                && key.routeServer.equals(routeServer.getMetadata().getName());
    }

    private static Tags base(RouteServer routeServer) {
        return Tags.of("namespace", routeServer.getMetadata().getNamespace(), "routeserver", routeServer.getMetadata().getName());
    }
}
