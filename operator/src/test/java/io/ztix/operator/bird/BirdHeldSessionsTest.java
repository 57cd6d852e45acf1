package io.ztix.operator.bird;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Members held for RPKI or suspended after a PeeringDB re-check are rendered with their sessions disabled (not
 * deleted); the parts say which block is whose.
 */
class BirdHeldSessionsTest {

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ztix.operator.bird.BirdConfigGoldenTest#lines")
    void aHeldMembersSessionsAreDisabledAndEachBirdLineAcceptsTheFile(BirdConfigGoldenTest.Line line) {
        String held = renderer.render(BirdFixtures.threeMembers().withHeldMembers(Set.of("second-net")), line.version());

        assertThat(block(held, "m_as64502_1122334455_v4")).contains("disabled;").contains("no RTR server is in sync");
        assertThat(block(held, "m_as64502_1122334455_v6")).contains("disabled;");
        assertThat(block(held, "m_as64501_0a1b2c3d4e_v4")).doesNotContain("disabled;");
        BirdParser.Result parsed = new BirdParser(line.bird()).parseWithExampleMain(held);
        assertThat(parsed.ok()).as(parsed.output()).isTrue();
        assertThat(renderer.render(BirdFixtures.threeMembers(), line.version())).doesNotContain("disabled;");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ztix.operator.bird.BirdConfigGoldenTest#lines")
    void aSuspendedMembersSessionsAreDisabledOnceAndEachBirdLineAcceptsTheFile(BirdConfigGoldenTest.Line line) {
        String suspended = renderer.render(BirdFixtures.threeMembers().withSuspendedMembers(Set.of("second-net")),
                line.version());

        assertThat(block(suspended, "m_as64502_1122334455_v4")).contains("disabled;").contains("suspended: a PeeringDB re-check");
        assertThat(block(suspended, "m_as64502_1122334455_v6")).contains("disabled;").contains("neighbor ");
        assertThat(block(suspended, "m_as64501_0a1b2c3d4e_v4")).doesNotContain("disabled;");
        BirdParser.Result parsed = new BirdParser(line.bird()).parseWithExampleMain(suspended);
        assertThat(parsed.ok()).as(parsed.output()).isTrue();
        String both = renderer.render(BirdFixtures.threeMembers().withSuspendedMembers(Set.of("second-net"))
                .withHeldMembers(Set.of("second-net")), line.version());
        assertThat(block(both, "m_as64502_1122334455_v4").split("disabled;", -1)).hasSize(2);
    }

    @Test
    void holdingOneMemberChangesOnlyItsBlocksNotTheSharedPart() {
        RenderedConfig plain = renderer.renderParts(BirdFixtures.threeMembers());
        RenderedConfig held = renderer.renderParts(BirdFixtures.threeMembers().withHeldMembers(Set.of("second-net")));

        assertThat(held.sharedSha256()).isEqualTo(plain.sharedSha256());
        assertThat(held.sessionSha256().get("m_as64502_1122334455_v4")).isNotEqualTo(plain.sessionSha256().get("m_as64502_1122334455_v4"));
        assertThat(held.sessionSha256().get("m_as64501_0a1b2c3d4e_v4")).isEqualTo(plain.sessionSha256().get("m_as64501_0a1b2c3d4e_v4"));
        assertThat(held.sha256()).isEqualTo(BirdConfigRenderer.sha256(held.text())).isNotEqualTo(plain.sha256());
        assertThat(plain.text()).isEqualTo(renderer.render(BirdFixtures.threeMembers()));
        assertThat(plain.rtrProtocols()).containsExactly(Map.entry("ztix_rpki_1", new RtrEndpoint("127.0.0.1", 3323)));
    }

    private static String block(String config, String protocol) {
        int start = config.indexOf("protocol bgp " + protocol + " {");
        assertThat(start).as("protocol " + protocol).isNotNegative();
        return config.substring(start, config.indexOf("\n}\n", start));
    }
}
