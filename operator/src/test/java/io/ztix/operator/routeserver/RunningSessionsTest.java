package io.ztix.operator.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.routeserver.PeerStatus;
import io.ztix.operator.bird.BirdVersion;
import io.ztix.operator.routeserver.apply.ProtocolState;
import io.ztix.operator.routeserver.observe.BirdObservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a restart, above 100 members, the sessions BIRD runs are read from BIRD's protocols: a member the desired
 * configuration no longer has still names its JoinRequest (so the removal guard asks whether a decision removed it),
 * a listed session keeps what the status said about it, other protocols are not member sessions.
 */
class RunningSessionsTest {

    @Test
    void everyMemberProtocolBirdRunsBecomesASessionOfItsJoinRequest() {
        PeerStatus desired = session("m_as64501_aabbccdd01_v6", "ix-as64501-aabbccdd01");
        desired.address = "2001:db8:ff::a";
        PeerStatus listed = session("m_as64502_aabbccdd02_v4", "ix-as64502-aabbccdd02");
        listed.stateSinceTime = "2026-12-01T10:00:00Z";
        BirdObservation observation = new BirdObservation(Instant.parse("2026-12-02T10:00:00Z"), List.of(
                bgp("m_as64501_aabbccdd01_v6"), bgp("m_as64502_aabbccdd02_v4"), bgp("m_as64503_aabbccdd03_v4"),
                new ProtocolState("rpki1", "RPKI", "---", "up", "10:00", "Established"),
                new ProtocolState("device1", "Device", "---", "up", "10:00", "")), Map.of(), Map.of(),
                BirdVersion.parse("2.17.1"));

        List<PeerStatus> sessions = RunningSessions.of(observation, Map.of(desired.protocol, desired), "ix", List.of(listed));

        assertThat(sessions).extracting(p -> p.joinRequest)
                .containsExactly("ix-as64501-aabbccdd01", "ix-as64502-aabbccdd02", "ix-as64503-aabbccdd03");
        assertThat(sessions.get(0).address).isEqualTo("2001:db8:ff::a");
        assertThat(sessions.get(0)).as("a copy: the plan's session is not changed by the recorders").isNotSameAs(desired);
        assertThat(sessions.get(1).stateSinceTime).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(sessions.get(2).asn).isEqualTo(64503L);
        assertThat(sessions.get(2).family).isEqualTo("ipv4");
    }

    private static ProtocolState bgp(String name) {
        return new ProtocolState(name, "BGP", "---", "up", "10:00", "Established");
    }

    private static PeerStatus session(String protocol, String joinRequest) {
        PeerStatus peer = new PeerStatus();
        peer.protocol = protocol;
        peer.joinRequest = joinRequest;
        return peer;
    }
}
