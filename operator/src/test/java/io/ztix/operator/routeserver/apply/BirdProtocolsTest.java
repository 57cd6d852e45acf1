package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing {@code birdc show protocols} output captured from BIRD 2.0.12 and BIRD 3.1.8. */
class BirdProtocolsTest {

    @Test
    void everyRowBecomesAProtocolStateWithItsColumns() throws IOException {
        List<ProtocolState> states = BirdProtocols.parse(captured("show-protocols-mixed.txt"));

        assertEquals(List.of("device1", "s1", "peer1", "refused_peer_with_long_name", "disabled_static"),
                states.stream().map(ProtocolState::name).toList());
        assertEquals(new ProtocolState("s1", "Static", "master6", "up", "17:19:32.110", ""), states.get(1));
        assertEquals(new ProtocolState("disabled_static", "Static", "master4", "down", "17:24:17.133", ""),
                states.get(4));
    }

    @Test
    void bgpInfoSplitsIntoSessionStateAndLastError() throws IOException {
        List<ProtocolState> states = BirdProtocols.parse(captured("show-protocols-mixed.txt"));

        ProtocolState idle = states.get(2);
        assertEquals("start", idle.state());
        assertEquals("Idle", idle.bgpState());
        assertEquals("", idle.lastError());
        ProtocolState refused = states.get(3);
        assertTrue(refused.isBgp());
        assertEquals("---", refused.table());
        assertEquals("Active", refused.bgpState());
        assertEquals("Socket: Connection refused", refused.lastError());
        assertFalse(refused.isEstablished());
    }

    @Test
    void establishedSessionIsRecognised() throws IOException {
        ProtocolState session = BirdProtocols.parse(captured("show-protocols-established.txt")).get(1);

        assertEquals("to_b", session.name());
        assertTrue(session.isUp());
        assertTrue(session.isEstablished());
    }

    @Test
    void bird3OutputWithNamesWiderThanTheirColumnIsReadTheSame() throws IOException {
        List<ProtocolState> states = BirdProtocols.parse(captured("show-protocols-bird3.txt"));

        assertEquals(List.of("device1", "ztix_rpki_1", "m_as64501_0a1b2c3d4e_v4", "m_as64501_0a1b2c3d4e_v6"),
                states.stream().map(ProtocolState::name).toList());
        assertEquals(new ProtocolState("ztix_rpki_1", "RPKI", "---", "up", "12:01:44.279", "Established"), states.get(1));
        assertTrue(states.get(2).isEstablished());
        assertEquals("12:01:45.469", states.get(2).since());
    }

    @Test
    void longTimeFormatKeepsDateAndTimeTogetherInSince() throws IOException {
        ProtocolState session = BirdProtocols.parse(captured("show-protocols-iso-long.txt")).get(1);

        assertEquals("2026-11-25 17:24:30", session.since());
        assertEquals("Established", session.info());
    }

    @Test
    void birdcErrorInsteadOfATableIsRejectedWithItsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BirdProtocols.parse(
                "Unable to connect to server control socket (/run/bird/bird.ctl): No such file or directory\n"));

        assertTrue(e.getMessage().contains("Unable to connect to server control socket"), e.getMessage());
    }

    @Test
    void headerWithoutRowsIsAnEmptyList() {
        assertEquals(List.of(), BirdProtocols.parse("BIRD 2.0.12 ready.\nName       Proto      Table      State  Since         Info\n"));
    }

    private static String captured(String name) throws IOException {
        try (InputStream in = BirdProtocolsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
