package io.ztix.operator.routeserver;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.common.StatusSnapshot;
import java.time.Clock;

/** Keeps a RouteServer's status current. */
@ControllerConfiguration(name = "routeserver")
public class RouteServerReconciler implements Reconciler<RouteServer> {

    private final EventRecorder events;
    private final Clock clock;

    public RouteServerReconciler(EventRecorder events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public UpdateControl<RouteServer> reconcile(RouteServer routeServer, Context<RouteServer> context) {
        StatusSnapshot before = StatusSnapshot.of(routeServer.getStatus());
        if (routeServer.getStatus() == null) {
            routeServer.setStatus(new RouteServerStatus());
        }
        RouteServerStatus status = routeServer.getStatus();
        status.observedGeneration = routeServer.getMetadata().getGeneration();
        Conditions.set(status.conditions, new Condition(RouteServer.COND_READY, Condition.UNKNOWN, "NotContacted",
                "The route server has not been contacted yet"), routeServer.getMetadata().getGeneration(), clock);
        return before.changed(status) ? UpdateControl.patchStatus(routeServer) : UpdateControl.noUpdate();
    }
}
