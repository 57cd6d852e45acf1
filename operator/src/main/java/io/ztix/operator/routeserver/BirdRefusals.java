package io.ztix.operator.routeserver;

import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.common.EventRecorder;
import io.ztix.operator.routeserver.RouteServerCycle.Planned;
import java.util.Optional;

/**
 * A route server whose BIRD cannot run what is desired is refused loudly, never half-applied: a release ZT-IX does
 * not render for, or a policy that needs a feature the release lacks. ConfigApplied False and a Warning Event once
 * per change; nothing is applied, the running configuration and its members stay.
 */
final class BirdRefusals {

    private final EventRecorder events;

    BirdRefusals(EventRecorder events) {
        this.events = events;
    }

    /** @return whether the observed BIRD release is refused (then it was said, once per change) */
    boolean refusesRelease(RouteServer routeServer, BirdVersion observed, RouteServerStatusRecorder status) {
        Optional<String> unsupported = observed.unsupportedReason();
        if (unsupported.isPresent() && status.birdRefuses(RouteServerStatusRecorder.UNSUPPORTED_BIRD, unsupported.get())) {
            events.warning(routeServer, RouteServerStatusRecorder.UNSUPPORTED_BIRD, unsupported.get()
                    + "; nothing is applied to this route server, its running configuration stays");
        }
        return unsupported.isPresent();
    }

    /** The spec asks for a feature the route server's BIRD lacks ({@link Planned#unsupported()}). */
    void refuseFeature(RouteServer routeServer, Planned plan, RouteServerStatusRecorder status) {
        String why = plan.unsupported().orElseThrow();
        if (status.birdRefuses(RouteServerStatusRecorder.UNSUPPORTED_FEATURE, why)) {
            events.warning(routeServer, RouteServerStatusRecorder.UNSUPPORTED_FEATURE, why
                    + "; nothing is applied to this route server until its spec or its BIRD changes, the running "
                    + "configuration stays");
        }
    }
}
