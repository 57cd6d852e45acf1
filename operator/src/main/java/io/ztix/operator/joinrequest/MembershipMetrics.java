package io.ztix.operator.joinrequest;

import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.JoinRequest;
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
