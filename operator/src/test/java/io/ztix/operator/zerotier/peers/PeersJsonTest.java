package io.ztix.operator.zerotier.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztix.api.routeserver.ZeroTierPath.Reach;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing {@code zerotier-cli -j peers} (fixture: src/test/resources/zerotier/peers-1.14.json, see README-peers.md). */
class PeersJsonTest {

    static String fixture() throws IOException {
        return Files.readString(Path.of("src/test/resources/zerotier/peers-1.14.json"));
    }

    @Test
    void aPeerWithAnActivePathIsDirectWithItsLatencyAndVersion() throws IOException {
        assertThat(PeersJson.parse(fixture()).get("aabbccdd01"))
                .isEqualTo(new Peer("aabbccdd01", "LEAF", Reach.Direct, 12, "1.14.2"));
    }

    @Test
    void aPeerWithALatencyButNoPathIsRelayed() throws IOException {
        assertThat(PeersJson.parse(fixture()).get("aabbccdd02"))
                .as("upper-case address read in lower case")
                .isEqualTo(new Peer("aabbccdd02", "LEAF", Reach.Relayed, 143, "1.12.2"));
    }

    @Test
    void aPeerWithOnlyExpiredPathsAndNoLatencyIsUnreachable() throws IOException {
        assertThat(PeersJson.parse(fixture()).get("aabbccdd03"))
                .isEqualTo(new Peer("aabbccdd03", "LEAF", Reach.Unreachable, null, "1.10.6"));
    }

    @Test
    void rootsAreListedWithAnUnknownVersion() throws IOException {
        Map<String, Peer> peers = PeersJson.parse(fixture());
        assertThat(peers).hasSize(4);
        assertThat(peers.get("778cde7190").role()).isEqualTo("PLANET");
        assertThat(peers.get("778cde7190").version()).isNull();
    }

    @Test
    void entriesWithoutANodeAddressAreSkippedAndAnEmptyListIsFine() {
        assertThat(PeersJson.parse("[{\"address\":\"nothex\"},{\"latency\":3},42]")).isEmpty();
        assertThat(PeersJson.parse("[]")).isEmpty();
    }

    @Test
    void outputThatIsNotAJsonArrayIsRefused() {
        assertThatThrownBy(() -> PeersJson.parse("200 peers\n<ztaddr> <ver> <role>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no JSON");
        assertThatThrownBy(() -> PeersJson.parse("{\"code\":401}")).hasMessageContaining("no JSON array");
        assertThatThrownBy(() -> PeersJson.parse("")).hasMessageContaining("no JSON");
    }
}
