package io.ztix.operator.joinrequest;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.MemberFinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus gauges per network, read from the JoinRequest cache: {@code ztix_network_members{state="admitted"}}
 * (members the route servers configure) and {@code {state="degraded"}} (of those, the ones the operator cannot
 * verify or change right now). Degraded members are still members: alert on them, they do not lose sessions.
 */
@ApplicationScoped
public class MembershipMetrics {

    static final String METRIC = "ztix.network.members";
    static final String CONFLICTS = "ztix.network.node.conflicts";
    static final String FINDINGS = "ztix.network.member.check.findings";

    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile IndexedResourceCache<JoinRequest> cache;

    public MembershipMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void readFrom(IndexedResourceCache<JoinRequest> cache) {
        this.cache = cache;
    }

    /** Makes sure the network's gauges exist. */
    void network(String namespace, String network) {
        if (network == null || !registered.add(namespace + "/" + network)) {
            return;
        }
        for (boolean degraded : new boolean[] {false, true}) {
            Gauge.builder(METRIC, () -> count(namespace, network, degraded))
                    .tag("namespace", namespace).tag("network", network).tag("state", degraded ? "degraded" : "admitted")
                    .description("Members on the route servers of a network; state=degraded: of those, the ones "
                            + "the operator cannot verify right now")
                    .register(registry);
        }
        registerConflicts(namespace, network);
        for (MemberFinding finding : MemberFinding.values()) {
            Gauge.builder(FINDINGS, () -> cacheList(namespace)
                            .filter(r -> network.equals(Membership.networkOf(r)) && Membership.onRouteServers(r).isPresent())
                            .filter(r -> Conditions.find(r.getStatus().conditions, JoinRequest.COND_MEMBER_CHECK)
                                    .map(c -> Condition.FALSE.equals(c.status) && finding.name().equals(c.reason)).orElse(false))
                            .count())
                    .tag("namespace", namespace).tag("network", network).tag("reason", finding.name())
                    .description("Members whose last PeeringDB re-check found this (MemberCheck condition False)")
                    .register(registry);
        }
    }

    public double findings(String namespace, String network, String reason) {
        Gauge gauge = registry.find(FINDINGS).tag("namespace", namespace).tag("network", network).tag("reason", reason).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private void registerConflicts(String namespace, String network) {
        Gauge.builder(CONFLICTS, () -> cacheList(namespace)
                        .filter(r -> network.equals(Membership.networkOf(r)) && r.getStatus() != null
                                && Conditions.find(r.getStatus().conditions, JoinRequest.COND_VALID)
                                        .map(c -> "NodeIdConflict".equals(c.reason)).orElse(false))
                        .count())
                .tag("namespace", namespace).tag("network", network)
                .description("Requests refused because another request of the network owns their ZeroTier node")
                .register(registry);
    }

    public double conflicts(String namespace, String network) {
        Gauge gauge = registry.find(CONFLICTS).tag("namespace", namespace).tag("network", network).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private java.util.stream.Stream<JoinRequest> cacheList(String namespace) {
        IndexedResourceCache<JoinRequest> current = cache;
        return current == null ? java.util.stream.Stream.empty() : current.list(namespace);
    }

    public double members(String namespace, String network, String state) {
        Gauge gauge = registry.find(METRIC).tag("namespace", namespace).tag("network", network).tag("state", state).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private long count(String namespace, String network, boolean degraded) {
        IndexedResourceCache<JoinRequest> current = cache;
        if (current == null) {
            return 0;
        }
        return current.list(namespace)
                .filter(r -> network.equals(Membership.networkOf(r)) && Membership.onRouteServers(r).isPresent())
                .filter(r -> !degraded || Conditions.isTrue(r.getStatus().conditions, JoinRequest.COND_DEGRADED))
                .count();
    }
}
