package io.ztix.operator.joinrequest;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.RouteServerEntry;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.routeserver.detail.RouteServerDetails;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Where a member stands on each route server of its network, read from the RouteServers' sessions (complete, see
 * {@link RouteServerDetails#detailed}): a route server has configured the member once the configuration it runs
 * lists the member's sessions. While a route server's sessions are known only in part (after an operator restart,
 * above {@link io.ztix.api.routeserver.RouteServerStatus#LISTED} members, until it was read again), a member not
 * among the listed ones keeps the entry its request had: a restart never makes an Active member look unconfigured.
 */
record RouteServerProgress(List<RouteServerEntry> entries) {

    static RouteServerProgress of(JoinRequest request, Collection<RouteServer> routeServers) {
        return of(request.getMetadata().getName(), request.getStatus() == null || request.getStatus().routeServers == null
                ? List.of() : request.getStatus().routeServers, routeServers);
    }

    /** For a request without entries yet. */
    static RouteServerProgress of(String name, Collection<RouteServer> routeServers) {
        return of(name, List.of(), routeServers);
    }

    /** @param previous the entries the request's status has (kept for a route server whose sessions are not known) */
    static RouteServerProgress of(String name, List<RouteServerEntry> previous, Collection<RouteServer> routeServers) {
        List<RouteServerEntry> entries = routeServers.stream()
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getName()))
                .map(rs -> known(name, rs) ? entry(name, rs) : previous.stream()
                        .filter(e -> rs.getMetadata().getName().equals(e.name)).findFirst().orElseGet(() -> entry(name, rs)))
                .toList();
        return new RouteServerProgress(entries);
    }

    /** Whether the route server's status has this member's sessions, or all sessions. */
    private static boolean known(String joinRequestName, RouteServer routeServer) {
        return !RouteServerDetails.partial(routeServer.getStatus())
                || routeServer.getStatus().peers.stream().anyMatch(p -> joinRequestName.equals(p.joinRequest));
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
