package io.ztix.operator.zerotier.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.routeserver.MemberPath;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberPathsTest {

    @Test
    void everyConfiguredMemberGetsItsPathAndAMemberTheRouteServerNeverHeardOfIsUnreachable() throws IOException {
        PathProbe.Observation seen = new PathProbe.Observation(PeersJson.parse(PeersJsonTest.fixture()), null);

        List<MemberPath> paths = MemberPaths.of(seen, Map.of("aabbccdd02", "ix-as64502-aabbccdd02",
                "AABBCCDD01", "ix-as64501-aabbccdd01", "aabbccdd09", "ix-as64509-aabbccdd09"), List.of());

        assertThat(paths).extracting(p -> p.nodeId).containsExactly("aabbccdd01", "aabbccdd02", "aabbccdd09");
        assertThat(paths.get(0).joinRequest).isEqualTo("ix-as64501-aabbccdd01");
        assertThat(paths.get(0).path.reach).isEqualTo(Reach.Direct);
        assertThat(paths.get(0).path.latencyMs).isEqualTo(12);
        assertThat(paths.get(0).path.version).isEqualTo("1.14.2");
        assertThat(paths.get(1).path.reach).isEqualTo(Reach.Relayed);
        assertThat(paths.get(2).path.reach).isEqualTo(Reach.Unreachable);
        assertThat(paths.get(2).path.message).contains("no contact");
    }

    @Test
    void whenThePeersCannotBeReadEveryPathIsUnknownWithTheReason() {
        List<MemberPath> paths = MemberPaths.of(PathProbe.Observation.unavailable("zerotier-cli is not installed"),
                Map.of("aabbccdd01", "ix-as64501-aabbccdd01"), List.of());

        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p.path.reach).isEqualTo(Reach.Unknown);
            assertThat(p.path.message).isEqualTo("zerotier-cli is not installed");
            assertThat(p.path.latencyMs).isNull();
        });
    }

    @Test
    void aLatencyThatMovesALittleKeepsItsOldValueAndABigMoveOrANewReachIsRecorded() throws IOException {
        PathProbe.Observation seen = new PathProbe.Observation(PeersJson.parse(PeersJsonTest.fixture()), null);
        Map<String, String> members = Map.of("aabbccdd01", "a", "aabbccdd02", "b");
        List<MemberPath> before = MemberPaths.of(seen, members, List.of());
        before.get(0).path.latencyMs = 15;   // fixture now says 12: within 5 ms
        before.get(1).path.latencyMs = 90;   // fixture now says 143: a real change

        List<MemberPath> now = MemberPaths.of(seen, members, before);

        assertThat(now.get(0).path.latencyMs).isEqualTo(15);
        assertThat(now.get(1).path.latencyMs).isEqualTo(143);
        before.get(0).path.reach = Reach.Relayed;
        assertThat(MemberPaths.of(seen, members, before).get(0).path.latencyMs).as("reach changed").isEqualTo(12);
    }
}
