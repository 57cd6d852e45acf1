package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.reading.TolerantReading;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.Member;
import io.ztix.operator.joinrequest.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The last line of "only a decision removes a member": a configuration that would drop a member the route
 * server runs now is applied only if a decision removed that member, i.e. its JoinRequest is being deleted, is
 * gone from the API server (asked directly, not the cache), or is readable and no longer approved. Anything
 * else (an object the cache does not have yet, one that cannot be read, a record that went missing) holds the
 * apply, so a cold cache, a new leader or a bad object can never push a configuration with fewer members.
 */
@ApplicationScoped
public class RemovalGuard {

    private final KubernetesClient client;

    public RemovalGuard(KubernetesClient client) {
        this.client = client;
    }

    /** JoinRequest names the running configuration has, the desired one drops, and no decision removed. */
    List<String> undecidedRemovals(RouteServer routeServer, DesiredConfig desired, Collection<JoinRequest> cached) {
        if (routeServer.getStatus() == null || routeServer.getStatus().peers == null) {
            return List.of();
        }
        Set<String> running = routeServer.getStatus().peers.stream().map((PeerStatus p) -> p.joinRequest)
                .filter(name -> name != null).collect(Collectors.toCollection(LinkedHashSet::new));
        running.removeAll(desired.model().members().stream().map(Member::joinRequestName).toList());
        if (running.isEmpty()) {
            return List.of();
        }
        Map<String, JoinRequest> byName = cached.stream()
                .collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity(), (x, y) -> x));
        String namespace = routeServer.getMetadata().getNamespace();
        return running.stream().filter(name -> !decided(byName.containsKey(name) ? byName.get(name)
                : client.resources(JoinRequest.class).inNamespace(namespace).withName(name).get())).toList();
    }

    private static boolean decided(JoinRequest request) {
        if (request == null || request.getMetadata().getDeletionTimestamp() != null) {
            return true;
        }
        if (TolerantReading.isUnreadable(request) || request.getSpec() == null) {
            return false;
        }
        return !Membership.decisionStands(request.getSpec().approval);
    }
}
