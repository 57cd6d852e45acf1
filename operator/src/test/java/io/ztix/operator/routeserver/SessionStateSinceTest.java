package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.api.routeserver.RouteServer;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.routeserver.apply.ProtocolState;
import io.ztix.operator.routeserver.observe.BirdObservation;
import io.ztix.operator.routeserver.rpki.RpkiReport;
import io.ztix.operator.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Since when a session is in its state, as the portal's "Established for 3 days" counts it: set when the state is first
 * seen, kept while it stays, reset when it changes, and kept when a new configuration leaves the session as it was.
 */
class SessionStateSinceTest {

    private static final String PROTOCOL = "m_as64501_aaaa000001_v6";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RouteServer routeServer = new RouteServer();

    SessionStateSinceTest() {
        routeServer.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("rs1").build());
    }

    @Test
    void theTimeStartsWithAStateAndStaysUntilTheStateChanges() {
        RouteServerStatusRecorder status = new RouteServerStatusRecorder(routeServer, clock);
        status.runsConfiguration("a".repeat(64), true, List.of(session()));

        observe(status, "Established", Instant.parse("2026-12-02T10:00:05Z"));
        observe(status, "Established", Instant.parse("2026-12-05T10:00:05Z"));
        assertThat(peer().stateSinceTime).as("still the first sighting, 3 days later").isEqualTo("2026-12-02T10:00:05Z");

        observe(status, "Active", Instant.parse("2026-12-05T10:01:05Z"));
        assertThat(peer().stateSinceTime).isEqualTo("2026-12-05T10:01:05Z");
    }

    @Test
    void aNewConfigurationThatKeepsTheSessionKeepsItsStateAndSinceWhen() {
        RouteServerStatusRecorder status = new RouteServerStatusRecorder(routeServer, clock);
        status.runsConfiguration("a".repeat(64), true, List.of(session()));
        observe(status, "Established", Instant.parse("2026-12-02T10:00:05Z"));

        clock.now = clock.now.plus(Duration.ofDays(2));
        status.runsConfiguration("b".repeat(64), true, List.of(session())); // another member joined
        assertThat(peer().state).as("until the next poll reads it again").isEqualTo("Established");
        observe(status, "Established", clock.now.plusSeconds(5));

        assertThat(peer().stateSinceTime).isEqualTo("2026-12-02T10:00:05Z");
    }

    private void observe(RouteServerStatusRecorder status, String bgpState, Instant at) {
        ProtocolState state = new ProtocolState(PROTOCOL, "BGP", "---", "up", "10:00:00.000", bgpState);
        status.observed(new BirdObservation(at, List.of(state), Map.of(), Map.of(), BirdVersion.parse("2.0.12")),
                new RpkiReport(List.of(), "True", "Ready", "in sync", List.of()));
    }

    private PeerStatus peer() {
        return routeServer.getStatus().peers.get(0);
    }

    private static PeerStatus session() {
        PeerStatus peer = new PeerStatus();
        peer.protocol = PROTOCOL;
        peer.family = "ipv6";
        peer.state = "Unknown";
        return peer;
    }
}
