package io.ztix.portal.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
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

    private SharedIndexInformer<JoinRequest> joinRequests;
    private SharedIndexInformer<ZtNetwork> networks;
    private SharedIndexInformer<RouteServer> routeServers;
    private final List<ResourceEventHandler<JoinRequest>> pendingHandlers = new CopyOnWriteArrayList<>();

    void start(@Observes StartupEvent event) {
        String ns = namespace.name();
        LOG.infof("watching ZT-IX resources in namespace %s", ns);
        joinRequests = client.resources(JoinRequest.class).inNamespace(ns).runnableInformer(0);
        pendingHandlers.forEach(joinRequests::addEventHandler);
        joinRequests.start();
        networks = client.resources(ZtNetwork.class).inNamespace(ns).inform();
        routeServers = client.resources(RouteServer.class).inNamespace(ns).inform();
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

    /** Registers a handler for JoinRequest changes (before or after start). */
    public void onJoinRequestChange(ResourceEventHandler<JoinRequest> handler) {
        if (joinRequests == null) {
            pendingHandlers.add(handler);
        } else {
            joinRequests.addEventHandler(handler);
        }
    }

    public List<JoinRequest> joinRequests() {
        return joinRequests == null ? List.of() : joinRequests.getStore().list().stream()
                .sorted(Comparator.comparing((JoinRequest r) -> r.getMetadata().getCreationTimestamp(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public Optional<JoinRequest> joinRequest(String name) {
        return joinRequests == null ? Optional.empty()
                : Optional.ofNullable(joinRequests.getStore().getByKey(namespace.name() + "/" + name));
    }

    public List<ZtNetwork> networks() {
        return networks == null ? List.of() : networks.getStore().list().stream()
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
    }

    public Optional<ZtNetwork> network(String name) {
        return networks == null ? Optional.empty()
                : Optional.ofNullable(networks.getStore().getByKey(namespace.name() + "/" + name));
    }

    public List<RouteServer> routeServers(String networkRef) {
        return routeServers == null ? List.of() : routeServers.getStore().list().stream()
                .filter(rs -> rs.getSpec() != null && networkRef.equals(rs.getSpec().networkRef))
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getName())).toList();
    }
}
