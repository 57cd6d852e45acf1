package io.ztix.operator.routeserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ztix.api.routeserver.RouteServer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prometheus counters per route server: SSH sessions opened and configuration applies by outcome
 * ({@code ztix_routeserver_ssh_sessions_total}, {@code ztix_routeserver_applies_total}).
 */
@ApplicationScoped
public class RouteServerMetrics {

    private final MeterRegistry registry;

    public RouteServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sessionOpened(RouteServer routeServer) {
        counter("ztix.routeserver.ssh.sessions", routeServer).increment();
    }

    void applied(RouteServer routeServer, String outcome) {
        Counter.builder("ztix.routeserver.applies").tag("namespace", routeServer.getMetadata().getNamespace())
                .tag("routeserver", routeServer.getMetadata().getName()).tag("outcome", outcome)
                .register(registry).increment();
    }

    public double sessions(String namespace, String name) {
        Counter counter = registry.find("ztix.routeserver.ssh.sessions").tag("namespace", namespace).tag("routeserver", name).counter();
        return counter == null ? 0 : counter.count();
    }

    public double applies(String namespace, String name, String outcome) {
        Counter counter = registry.find("ztix.routeserver.applies").tag("namespace", namespace).tag("routeserver", name)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Counter counter(String name, RouteServer routeServer) {
        return Counter.builder(name).tag("namespace", routeServer.getMetadata().getNamespace())
                .tag("routeserver", routeServer.getMetadata().getName()).register(registry);
    }
}
