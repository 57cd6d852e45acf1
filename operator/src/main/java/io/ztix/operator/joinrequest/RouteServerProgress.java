package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Where a member stands on each route server of its network, read from the RouteServers' status: a
 * route server has configured the member once the configuration it runs lists the member's sessions.
 */
record RouteServerProgress(List<RouteServerEntry> entries) {

    static RouteServerProgress of(String joinRequestName, Collection<RouteServer> routeServers) {
        List<RouteServerEntry> entries = routeServers.stream()
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getName()))
                .map(rs -> entry(joinRequestName, rs))
                .toList();
        return new RouteServerProgress(entries);
    }

    boolean none() {
        return entries.isEmpty();
    }

    boolean allConfigured() {
        return entries.stream().allMatch(e -> Boolean.TRUE.equals(e.configured));
    }

    List<String> waitingFor() {
        return entries.stream().filter(e -> !Boolean.TRUE.equals(e.configured)).map(e -> e.name).toList();
    }

    private static RouteServerEntry entry(String joinRequestName, RouteServer routeServer) {
        RouteServerEntry entry = new RouteServerEntry();
        entry.name = routeServer.getMetadata().getName();
        List<PeerStatus> sessions = routeServer.getStatus() == null ? List.of()
                : routeServer.getStatus().peers.stream().filter(p -> joinRequestName.equals(p.joinRequest)).toList();
        // status.peers lists the sessions of the configuration BIRD runs (it changes only on a successful apply);
        // sessions held for RPKI are configured but disabled: the member is not served yet
        entry.configured = !sessions.isEmpty() && sessions.stream().noneMatch(p -> Boolean.TRUE.equals(p.held));
        entry.sessions.addAll(sessions);
        entry.path = routeServer.getStatus() == null ? null : routeServer.getStatus().memberPaths.stream()
                .filter(p -> joinRequestName.equals(p.joinRequest)).map(p -> p.path).findFirst().orElse(null);
        return entry;
    }
}
