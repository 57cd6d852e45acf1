package io.ztix.operator.bird;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link RenderBenchmark} run small (50 members, one warm-up, three measured runs; without and with blackholing,
 * where the 25 members that do not accept blackhole routes have them rejected in both sessions) in every build, so that the
 * benchmark keeps compiling and rendering; no timing is asserted. The timed run stays opt-in ({@code -Dztix.benchmark=true}).
 */
class RenderBenchmarkSmokeTest {

    @Test
    void theBenchmarkRendersEveryMemberOfASmallExchangeOnBothBirdLines() {
        for (BirdVersion version : new BirdVersion[] {BirdVersion.parse("2.0.12"), BirdVersion.parse("3.1.8")}) {
            AspaPolicy aspa = version.hasAspa() ? AspaPolicy.Reject : AspaPolicy.Off;
            for (boolean blackholing : new boolean[] {false, true}) {
                String rendered = RenderBenchmark.measure(50, 1, 3, version, aspa, blackholing);
                for (Member member : RenderBenchmark.members(50)) {
                    assertThat(rendered).as("%s on BIRD %s", member.joinRequestName(), version)
                            .contains("protocol bgp " + member.protocolName("v6")).contains("protocol bgp " + member.protocolName("v4"));
                }
                assertThat(rendered.split("if ztix_is_blackhole\\(\\) then reject;", -1)).as("blackholing %s", blackholing)
                        .hasSize(blackholing ? 50 + 1 : 1);
            }
        }
    }
}
