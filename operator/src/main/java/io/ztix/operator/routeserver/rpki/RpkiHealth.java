package io.ztix.operator.routeserver.rpki;

import io.ztix.api.common.Condition;
import io.ztix.api.routeserver.RtrServerStatus;
import io.ztix.operator.bird.RtrEndpoint;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.observe.RpkiState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns BIRD's {@code protocol rpki} states into RouteServer status: per RTR server state, since, last error,
 * last update and ROA counts; the RpkiReady condition (True while at least one server is in sync); and Events
 * when a server goes out of sync, comes back, or has not synced {@code grace} after it was configured.
 */
public final class RpkiHealth {

    private final Duration grace;

    public RpkiHealth(Duration grace) {
        this.grace = grace;
    }

    /**
     * @param rtrProtocols       the RTR server of each {@code protocol rpki} of the configuration
     * @param previous           the status entries of the last observation
     * @param previousObservedAt when that was, null if never
     * @param newMembersHeld     whether new members are held while none is in sync (for the message)
     */
    public RpkiReport report(Map<String, RtrEndpoint> rtrProtocols, BirdObservation observation,
            List<RtrServerStatus> previous, Instant previousObservedAt, boolean newMembersHeld) {
        Instant now = observation.observedAt();
        List<RtrServerStatus> servers = new ArrayList<>();
        List<RpkiReport.Notice> notices = new ArrayList<>();
        for (Map.Entry<String, RtrEndpoint> entry : new TreeMap<>(rtrProtocols).entrySet()) {
            RtrEndpoint endpoint = entry.getValue();
            RpkiState state = observation.rpki().get(entry.getKey());
            RtrServerStatus before = previous.stream().filter(p -> Objects.equals(p.host, endpoint.host())
                    && Objects.equals(p.port, endpoint.port())).findFirst().orElse(null);
            RtrServerStatus server = server(entry.getKey(), endpoint, state, observation, now);
            boolean flipped = before == null || !Objects.equals(before.inSync, server.inSync);
            server.lastTransitionTime = flipped || before.lastTransitionTime == null ? time(now) : before.lastTransitionTime;
            servers.add(server);
            notice(before, server, previousObservedAt, now).ifPresent(notices::add);
        }
        return condition(servers, newMembersHeld, notices);
    }

    private static RtrServerStatus server(String protocol, RtrEndpoint endpoint, RpkiState state,
            BirdObservation observation, Instant now) {
        RtrServerStatus server = new RtrServerStatus();
        server.host = endpoint.host();
        server.port = endpoint.port();
        server.protocol = protocol;
        if (state == null) {
            server.state = "NotConfigured";
            server.inSync = false;
            server.lastError = "BIRD runs no protocol for this server yet (the configuration that adds it is not applied)";
            return server;
        }
        server.state = state.cacheStatus();
        server.inSync = state.inSync();
        server.since = state.since();
        server.roas4 = state.roas4();
        server.roas6 = state.roas6();
        if (state.lastUpdateSecondsAgo() != null) {
            server.lastUpdateTime = time(now.minusMillis(Math.round(state.lastUpdateSecondsAgo() * 1000)));
        }
        if (!server.inSync) {
            server.lastError = lastError(endpoint, state, observation.hostResolves().get(endpoint.host()));
        }
        return server;
    }

    private static String lastError(RtrEndpoint endpoint, RpkiState state, Boolean resolves) {
        String kept = roas(state) > 0 ? "; BIRD keeps the " + roas(state) + " ROAs of the last sync until they expire"
                : "; no ROAs from this server";
        if (Boolean.FALSE.equals(resolves)) {
            return "the host name " + endpoint.host() + " does not resolve on the route server" + kept;
        }
        if ("Transport-Error".equals(state.cacheStatus())) {
            return "no RTR session: BIRD cannot connect to " + endpoint.host() + " port " + endpoint.port()
                    + " (refused, unreachable or timed out) and retries every 30 s" + kept;
        }
        return "RTR session state " + state.cacheStatus() + " (BIRD protocol " + state.protocolState() + ")" + kept;
    }

    private Optional<RpkiReport.Notice> notice(RtrServerStatus before, RtrServerStatus now,
            Instant previousObservedAt, Instant at) {
        String name = now.host + ":" + now.port;
        if (Boolean.TRUE.equals(now.inSync)) {
            return before != null && !Boolean.TRUE.equals(before.inSync)
                    ? Optional.of(new RpkiReport.Notice(false, "RtrServerInSync", "RTR server " + name
                            + " is in sync (" + roas(now) + " ROAs)"))
                    : Optional.empty();
        }
        if (before != null && Boolean.TRUE.equals(before.inSync)) {
            return Optional.of(new RpkiReport.Notice(true, "RtrServerDown", "RTR server " + name
                    + " is no longer in sync: " + now.lastError));
        }
        // never in sync so far: warn once, when it has been so for the grace time
        Instant since = Instant.parse(now.lastTransitionTime);
        boolean overdue = !at.isBefore(since.plus(grace));
        boolean wasOverdue = before != null && previousObservedAt != null && !previousObservedAt.isBefore(since.plus(grace));
        return overdue && !wasOverdue
                ? Optional.of(new RpkiReport.Notice(true, "RtrServerNotInSync", "RTR server " + name
                        + " has not been in sync for " + grace.toSeconds() + " s: " + now.lastError))
                : Optional.empty();
    }

    private static RpkiReport condition(List<RtrServerStatus> servers, boolean newMembersHeld,
            List<RpkiReport.Notice> notices) {
        List<RtrServerStatus> down = servers.stream().filter(s -> !Boolean.TRUE.equals(s.inSync)).toList();
        long roas = servers.stream().mapToLong(RpkiHealth::roas).max().orElse(0);
        if (down.isEmpty()) {
            return new RpkiReport(servers, Condition.TRUE, "InSync", servers.size() == 1 ? "The RTR server is in sync ("
                    + roas + " ROAs)" : "All " + servers.size() + " RTR servers are in sync (" + roas + " ROAs)", notices);
        }
        String problems = String.join("; ", down.stream().map(s -> s.host + ":" + s.port + ": " + s.lastError).toList());
        if (down.size() < servers.size()) {
            return new RpkiReport(servers, Condition.TRUE, "PartlyInSync", (servers.size() - down.size()) + " of "
                    + servers.size() + " RTR servers in sync; not in sync: " + problems, notices);
        }
        String tables = roas > 0 ? "BIRD keeps the ROAs of the last sync until they expire"
                : "BIRD's ROA tables are empty: origin validation filters nothing";
        String held = newMembersHeld ? "; new members are held until an RTR server is in sync" : "";
        return new RpkiReport(servers, Condition.FALSE, "NotInSync", "No RTR server is in sync (" + problems + "). "
                + tables + held, notices);
    }

    private static long roas(RtrServerStatus server) {
        return (server.roas4 == null ? 0 : server.roas4) + (server.roas6 == null ? 0 : server.roas6);
    }

    private static long roas(RpkiState state) {
        return (state.roas4() == null ? 0 : state.roas4()) + (state.roas6() == null ? 0 : state.roas6());
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
