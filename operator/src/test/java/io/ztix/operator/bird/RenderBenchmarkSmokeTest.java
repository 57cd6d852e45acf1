package io.ztix.operator.bird;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link RenderBenchmark} run small (50 members, one warm-up, three measured runs) in every build, so that the
 * benchmark keeps compiling and rendering; no timing is asserted. The timed run stays opt-in ({@code -Dztix.benchmark=true}).
 */
class RenderBenchmarkSmokeTest {

    @Test
    void theBenchmarkRendersEveryMemberOfASmallExchangeOnBothBirdLines() {
        for (BirdVersion version : new BirdVersion[] {BirdVersion.parse("2.0.12"), BirdVersion.parse("3.1.8")}) {
            AspaPolicy aspa = version.hasAspa() ? AspaPolicy.Reject : AspaPolicy.Off;
            String rendered = RenderBenchmark.measure(50, 1, 3, version, aspa);
            for (Member member : RenderBenchmark.members(50)) {
                assertThat(rendered).as("%s on BIRD %s", member.joinRequestName(), version)
                        .contains("protocol bgp " + member.protocolName("v6")).contains("protocol bgp " + member.protocolName("v4"));
            }
        }
    }
}
