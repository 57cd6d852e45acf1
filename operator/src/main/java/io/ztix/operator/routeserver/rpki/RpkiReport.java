package io.ztix.operator.routeserver.rpki;

import io.ztix.api.routeserver.RtrServerStatus;
import java.util.List;

/**
 * The RPKI part of an observation: per RTR server status, the RpkiReady condition, and the changes worth an Event.
 *
 * @param servers         one entry per configured RTR server, in protocol order
 * @param conditionStatus True, False or Unknown
 */
public record RpkiReport(List<RtrServerStatus> servers, String conditionStatus, String reason, String message,
        List<Notice> notices) {

    /** A change an admin should see as an Event. */
    public record Notice(boolean warning, String reason, String message) {
    }

    public RpkiReport {
        servers = List.copyOf(servers);
        notices = List.copyOf(notices);
    }
}
