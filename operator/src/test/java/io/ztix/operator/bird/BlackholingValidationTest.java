package io.ztix.operator.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Blackholing next hops are checked like every other address before anything is rendered. */
class BlackholingValidationTest {

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, 2001:db8::66, IPv4 next hop",
        "198.51.100.66, null, IPv6 next hop",
        "198.51.100.66; }, 2001:db8::66, IPv4 next hop",
        "198.51.100.66, 2001:db8::66 ], IPv6 next hop",
        "224.0.0.1, 2001:db8::66, IPv4 next hop",
        "198.51.100.1, 2001:db8::66, the route server's own address",
        "198.51.100.66, 2001:db8::1, the route server's own address"})
    void aMissingMalformedOrTheRouteServersOwnNextHopIsRefused(String four, String six, String message) {
        RouteServerConfig config = PolicyFixture.routeServer(Policy.defaults().withBlackholing(new Blackholing(four, six)));

        assertThatThrownBy(() -> renderer.render(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blackholing").hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"198.51.100.66, 2001:db8::66"})
    void validNextHopsAreRenderedAsConstants(String four, String six) {
        String rendered = renderer.render(PolicyFixture.routeServer(Policy.defaults().withBlackholing(new Blackholing(four, six))));

        assertThat(rendered).contains("define ZTIX_BLACKHOLE_NEXT_HOP_V4 = 198.51.100.66;")
                .contains("define ZTIX_BLACKHOLE_NEXT_HOP_V6 = 2001:db8::66;");
        assertThat(renderer.render(PolicyFixture.routeServer())).as("off: nothing of it is rendered")
                .doesNotContain("BLACKHOLE").doesNotContain("blackholed");
    }
}
