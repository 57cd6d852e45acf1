package io.ztix.operator.routeserver;

import io.ztix.api.common.Condition;
import io.ztix.api.common.Conditions;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.api.routeserver.RouteServerStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The status of the RouteServer being reconciled and how its conditions are set, shared by the recorders of its
 * concerns ({@link RouteServerStatusRecorder} and the parts it hands work to).
 */
abstract class RouteServerStatusPart {

    final RouteServer routeServer;
    final RouteServerStatus status;
    final Clock clock;

    RouteServerStatusPart(RouteServer routeServer, Clock clock) {
        this.routeServer = routeServer;
        this.clock = clock;
        if (routeServer.getStatus() == null) {
            routeServer.setStatus(new RouteServerStatus());
        }
        this.status = routeServer.getStatus();
    }

    final String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    final void set(String type, String conditionStatus, String reason, String message) {
        Conditions.set(status.conditions, new Condition(type, conditionStatus, reason, message),
                routeServer.getMetadata().getGeneration(), clock);
    }
}
