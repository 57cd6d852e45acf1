package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.operator.caching.RouteServerViewOfRequests;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.common.StatusSnapshot;
import io.ztix.operator.joinrequest.Membership;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import io.ztix.operator.reading.UnreadableObjects;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keeps a BIRD route server running the configuration its network's JoinRequests call for (see
 * {@link RouteServerCycle}: render, compare with what runs, apply safely over SSH, batched and one route server of a
 * network at a time, health-check the result and roll back what hurt, and record BIRD's session and RPKI states).
 */
@ControllerConfiguration(name = "routeserver")
public class RouteServerReconciler implements Reconciler<RouteServer> {

    static final String BY_NETWORK = "routeserver-by-network";
    private static final String REQUESTS = "joinrequests-of-routeservers";

    private final RouteServerCycle cycle;
    private final RouteServerMetrics metrics;
    private final UnreadableObjects unreadable;
    private final RouteServerDetails details;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public RouteServerReconciler(RouteServerCycle cycle, RouteServerMetrics metrics, UnreadableObjects unreadable,
            RouteServerDetails details) {
        this.cycle = cycle;
        this.details = details;
        this.metrics = metrics;
        this.unreadable = unreadable;
    }

    @Override
    public List<EventSource<?, RouteServer>> prepareEventSources(EventSourceContext<RouteServer> context) {
        context.getPrimaryCache().addIndexer(BY_NETWORK, rs -> rs.getSpec() == null ? List.of()
                : List.of(networkKey(rs)));
        var requests = InformerEventSourceConfiguration.from(JoinRequest.class, RouteServer.class)
                .withName(REQUESTS)
                .withSecondaryToPrimaryMapper(request -> Membership.networkOf(request) == null ? Set.of()
                        : context.getPrimaryCache().byIndex(BY_NETWORK, request.getMetadata().getNamespace() + "/"
                                + Membership.networkOf(request)).stream().map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                // only what the route servers render from matters: the admitted record, whether it stands, a suspension
                .withOnUpdateFilter((now, before) -> !Objects.equals(rendered(now), rendered(before)))
                // one full copy of each request is the JoinRequest controller's; this one keeps what is rendered
                .withItemStore(new RouteServerViewOfRequests())
                .build();
        return List.of(new InformerEventSource<>(requests, context));
    }

    @Override
    public UpdateControl<RouteServer> reconcile(RouteServer routeServer, Context<RouteServer> context) {
        if (unreadable.frozen(routeServer)) {
            return UpdateControl.noUpdate();
        }
        Set<String> existing = context.getPrimaryCache().list().map(ApplyScheduler::key).collect(Collectors.toSet());
        existing.add(ApplyScheduler.key(routeServer));
        forgetDeleted(existing);
        List<RouteServer> siblings = context.getPrimaryCache().byIndex(BY_NETWORK, networkKey(routeServer));
        StatusSnapshot before = StatusSnapshot.of(routeServer.getStatus());
        // the cycle works on every member's entries; the API gets them bounded, the complete ones stay in memory
        details.restore(routeServer);
        Duration next = cycle.run(routeServer, requestsOfNetwork(routeServer, context), siblings, existing);
        details.remember(routeServer);
        StatusBounds.bound(routeServer.getStatus());
        UpdateControl<RouteServer> control = before.changed(routeServer.getStatus())
                ? UpdateControl.patchStatus(routeServer) : UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }

    private void forgetDeleted(Set<String> existing) {
        Set<String> gone = new HashSet<>(known);
        gone.removeAll(existing);
        gone.forEach(cycle::forget);
        gone.forEach(details::forget);
        known.removeAll(gone);
        known.addAll(existing);
        metrics.retain(existing);
    }

    private static String networkKey(RouteServer routeServer) {
        return routeServer.getMetadata().getNamespace() + "/" + routeServer.getSpec().networkRef;
    }

    private static List<JoinRequest> requestsOfNetwork(RouteServer routeServer, Context<RouteServer> context) {
        @SuppressWarnings("unchecked")
        var source = (InformerEventSource<JoinRequest, RouteServer>) context.eventSourceRetriever()
                .getEventSourceFor(JoinRequest.class, REQUESTS);
        return source.list(routeServer.getMetadata().getNamespace(),
                r -> routeServer.getSpec().networkRef.equals(Membership.networkOf(r))).toList();
    }

    private static String rendered(JoinRequest request) {
        return Membership.onRouteServers(request).map(Serialization::asJson).orElse("")
                + (Membership.suspended(request) ? " suspended" : "");
    }
}
