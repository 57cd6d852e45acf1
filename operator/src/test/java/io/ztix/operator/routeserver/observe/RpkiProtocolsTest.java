package io.ztix.operator.routeserver.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BIRD 2.0.12's {@code show protocols all "ztix_rpki*"}, as captured from the real daemon and StayRTR
 * ({@code src/test/resources/bird/observe/capture.sh}): rpki_1 to a host name that does not resolve, rpki_2 to a
 * closed port, rpki_3 to a StayRTR serving two IPv4 ROAs and one IPv6 ROA.
 */
class RpkiProtocolsTest {

    @Test
    void anEstablishedServerIsInSyncWithItsRoaCountsAndLastUpdate() {
        RpkiState up = RpkiProtocols.parse(fixture("rpki-up-refused-unresolvable.txt")).get("ztix_rpki_3");

        assertThat(up.inSync()).isTrue();
        assertThat(up.cacheStatus()).isEqualTo("Established");
        assertThat(up.cacheServer()).isEqualTo("127.0.0.1");
        assertThat(up.cachePort()).isPositive();
        assertThat(up.roas4()).isEqualTo(2);
        assertThat(up.roas6()).isEqualTo(1);
        assertThat(up.lastUpdateSecondsAgo()).isNotNull().isLessThan(60);
    }

    @Test
    void aClosedPortAndAnUnresolvableNameAreTransportErrorsWithoutRoas() {
        Map<String, RpkiState> states = RpkiProtocols.parse(fixture("rpki-up-refused-unresolvable.txt"));

        RpkiState unresolvable = states.get("ztix_rpki_1");
        assertThat(unresolvable.inSync()).isFalse();
        assertThat(unresolvable.protocolState()).isEqualTo("start");
        assertThat(unresolvable.cacheStatus()).isEqualTo("Transport-Error");
        assertThat(unresolvable.cacheServer()).isEqualTo("rtr.does-not-exist.invalid");
        assertThat(unresolvable.cachePort()).as("BIRD prints no port for a name it could not resolve").isNull();
        assertThat(unresolvable.lastUpdateSecondsAgo()).isNull();
        assertThat(unresolvable.roas4()).isZero();
        RpkiState refused = states.get("ztix_rpki_2");
        assertThat(refused.cacheStatus()).isEqualTo("Transport-Error");
        assertThat(refused.cachePort()).isEqualTo(1);
        assertThat(refused.roas6()).isZero();
    }

    @Test
    void aServerLostAfterSyncIsNotInSyncButBirdStillHoldsItsRoas() {
        RpkiState lost = RpkiProtocols.parse(fixture("rpki-lost-after-sync.txt")).get("ztix_rpki_3");

        assertThat(lost.inSync()).isFalse();
        assertThat(lost.cacheStatus()).isEqualTo("Transport-Error");
        assertThat(lost.roas4()).isEqualTo(2);
        assertThat(lost.roas6()).isEqualTo(1);
        assertThat(lost.lastUpdateSecondsAgo()).isNotNull();
    }

    @Test
    void noRpkiProtocolYetIsEmpty() {
        assertThat(RpkiProtocols.parse(fixture("no-rpki-protocols.txt"))).isEmpty();
    }

    @Test
    void somethingElseThanTheCommandsOutputIsRefused() {
        assertThatThrownBy(() -> RpkiProtocols.parse("Unable to connect to server control socket (/run/bird/bird.ctl): "
                + "No such file or directory")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unable to connect");
    }

    static String fixture(String name) {
        try (InputStream in = RpkiProtocolsTest.class.getResourceAsStream("/bird/observe/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
