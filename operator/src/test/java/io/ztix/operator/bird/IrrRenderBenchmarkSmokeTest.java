package io.ztix.operator.bird;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link IrrRenderBenchmark} run small (20 members, the first with 2,000 IPv4 entries, two reconfigurations) in every
 * build on the host's BIRD, so that the benchmark keeps compiling, rendering and being accepted by BIRD; no timing is
 * asserted. The timed run (1,000 members, one with 100,000 entries) stays opt-in ({@code -Dztix.benchmark=true}).
 */
class IrrRenderBenchmarkSmokeTest {

    @Test
    void theBenchmarksIrrListsAreRenderedAndReconfiguredOnARealBird() throws Exception {
        String rendered = IrrRenderBenchmark.measure(20, 2_000, 2);

        assertThat(rendered).contains("function m_as100000_1000000000_v4_irr()").contains("45.7.206.0/24")
                .contains("function m_as100019_1000000013_v6_irr()");
    }
}
