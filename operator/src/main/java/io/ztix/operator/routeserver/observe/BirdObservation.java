package io.ztix.operator.routeserver.observe;

import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.routeserver.apply.ProtocolState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything read from a route server's BIRD in one observation: every protocol's state row, the details of the
 * {@code protocol rpki} sessions, and for RTR servers given by name that are not in sync whether the route server
 * can resolve the name; the BIRD version ({@code show status}); at the session-poll cadence also the member sessions'
 * route counters ({@code routes}, null when they were not read this time: a session absent from a read map has no
 * counters, its channel is down).
 */
public record BirdObservation(Instant observedAt, List<ProtocolState> protocols, Map<String, RpkiState> rpki,
        Map<String, Boolean> hostResolves, Map<String, RouteCounts> routes, BirdVersion birdVersion) {

    public BirdObservation {
        protocols = List.copyOf(protocols);
        rpki = Map.copyOf(rpki);
        hostResolves = Map.copyOf(hostResolves);
        routes = routes == null ? null : Map.copyOf(routes);
        Objects.requireNonNull(birdVersion, "birdVersion");
    }

    /** An observation without route counters. */
    public BirdObservation(Instant observedAt, List<ProtocolState> protocols, Map<String, RpkiState> rpki,
            Map<String, Boolean> hostResolves, BirdVersion birdVersion) {
        this(observedAt, protocols, rpki, hostResolves, null, birdVersion);
    }

    public boolean routesRead() {
        return routes != null;
    }

    public Optional<ProtocolState> protocol(String name) {
        return protocols.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Every protocol by name (the first row of a name, as {@link #protocol(String)}): for looking up many sessions,
     * which one by one would scan 20,000 rows per session at 10,000 dual-stack members.
     */
    public Map<String, ProtocolState> protocolsByName() {
        return protocols.stream().collect(Collectors.toMap(ProtocolState::name, p -> p, (first, later) -> first));
    }

    /** Names of the BGP protocols that are Established. */
    public Set<String> established() {
        return protocols.stream().filter(ProtocolState::isEstablished).map(ProtocolState::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean anyRtrInSync() {
        return rpki.values().stream().anyMatch(RpkiState::inSync);
    }
}
