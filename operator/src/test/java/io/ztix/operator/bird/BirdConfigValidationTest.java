package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused with a clear message instead of being rendered. */
class BirdConfigValidationTest {

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"", "198.51.100", "198.51.100.256", "198.51.100.011", "1.2.3.4.5", "198.51.100.1;",
            "198.51.100.1 }", "0.0.0.1", "224.0.0.1", "127.0.0.1", "localhost", "2001:db8::1"})
    void anInvalidMemberIpv4AddressIsRefused(String address) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(withMember(member(64501, "0a1b2c3d4e", "2001:db8::11", address))));
        assertTrue(error.getMessage().contains("IPv4 address"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2001:db8::1::2", "2001:db8:0:0:0:0:0:0:1", "2001:db8::g", "2001:db8::12345",
            "::", "::1", "fe80::1", "ff02::1", "::ffff:198.51.100.7", "2001:db8::1%eth0", "2001:db8::1; }",
            "198.51.100.7", "example.net"})
    void anInvalidMemberIpv6AddressIsRefused(String address) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(withMember(member(64501, "0a1b2c3d4e", address, null))));
        assertTrue(error.getMessage().contains("IPv6 address"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 23456, 65535, 4294967295L, 4294967296L})
    void aReservedOrOutOfRangeMemberAsnIsRefused(long asn) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(withMember(member(asn, "0a1b2c3d4e", "2001:db8::11", null))));
        assertTrue(error.getMessage().contains("ASN"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0A1B2C3D4E", "0a1b2c3d4", "0a1b2c3d4e5", "0a1b2c3d4g", "0a1b_c3d4e", "../../etc"})
    void aMalformedZeroTierNodeIdIsRefused(String nodeId) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(withMember(member(64501, nodeId, "2001:db8::11", null))));
        assertTrue(error.getMessage().contains("node ID"), error.getMessage());
    }

    @Test
    void theSameMemberTwiceIsRefused() {
        Member member = member(64501, "0a1b2c3d4e", "2001:db8::11", null);
        Member again = member(64501, "0a1b2c3d4e", "2001:db8::12", null);
        assertMessage("listed twice", () -> renderer.render(BirdFixtures.routeServer(List.of(member, again))));
    }

    @Test
    void twoMembersWithTheSameAddressAreRefused() {
        Member first = member(64501, "0a1b2c3d4e", "2001:db8::11", "198.51.100.11");
        Member second = member(64502, "1122334455", "2001:db8::12", "198.51.100.11");
        assertMessage("already used by member AS64501", () -> renderer.render(BirdFixtures.routeServer(List.of(first, second))));
    }

    @Test
    void aMemberUsingTheRouteServersAddressIsRefused() {
        assertMessage("already used by the route server",
                () -> renderer.render(withMember(member(64501, "0a1b2c3d4e", "2001:db8::1", null))));
    }

    @Test
    void aMemberWithTheRouteServersAsnIsRefused() {
        assertMessage("route server's own ASN",
                () -> renderer.render(withMember(member(BirdFixtures.RS_ASN, "0a1b2c3d4e", "2001:db8::11", null))));
    }

    @Test
    void anIpv4MemberOnAnIpv6OnlyRouteServerIsRefused() {
        RouteServerConfig config = new RouteServerConfig(64500, "198.51.100.1", null, "2001:db8::1",
                List.of(new RtrEndpoint("127.0.0.1", 3323)), Policy.defaults(),
                List.of(member(64501, "0a1b2c3d4e", "2001:db8::11", "198.51.100.11")));
        assertMessage("route server has none", () -> renderer.render(config));
    }

    @Test
    void aRouteServerWithoutRtrServersIsRefusedBecauseRpkiWouldSilentlyFilterNothing() {
        RouteServerConfig config = new RouteServerConfig(64500, "198.51.100.1", "198.51.100.1", "2001:db8::1",
                List.of(), Policy.defaults(), List.of());
        assertMessage("at least one RTR server", () -> renderer.render(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rtr.example.net;", "rtr\".example.net", "-rtr.example.net", "rtr..example.net",
            "999.1.1.1", "1.2.3", "rtr example net"})
    void aMalformedRtrHostIsRefused(String host) {
        RouteServerConfig config = new RouteServerConfig(64500, "198.51.100.1", "198.51.100.1", "2001:db8::1",
                List.of(new RtrEndpoint(host, 323)), Policy.defaults(), List.of());
        assertThrows(IllegalArgumentException.class, () -> renderer.render(config));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void anRtrPortOutOfRangeIsRefused(int port) {
        RouteServerConfig config = new RouteServerConfig(64500, "198.51.100.1", "198.51.100.1", "2001:db8::1",
                List.of(new RtrEndpoint("127.0.0.1", port)), Policy.defaults(), List.of());
        assertMessage("port", () -> renderer.render(config));
    }

    @Test
    void theSameRtrServerTwiceIsRefused() {
        RouteServerConfig config = new RouteServerConfig(64500, "198.51.100.1", "198.51.100.1", "2001:db8::1",
                List.of(new RtrEndpoint("127.0.0.1", 3323), new RtrEndpoint("127.0.0.1", 3323)), Policy.defaults(), List.of());
        assertMessage("listed twice", () -> renderer.render(config));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, 10_000_001})
    void aMaxPrefixLimitOutOfRangeIsRefused(long limit) {
        Member member = new Member("x", 64501, null, null, "0a1b2c3d4e", "2001:db8::11", null, null, limit);
        assertMessage("max-prefix limit", () -> renderer.render(withMember(member)));
    }

    @Test
    void aMalformedRouterIdIsRefused() {
        RouteServerConfig config = new RouteServerConfig(64500, "198.51.100.1; protocol static x {", "198.51.100.1",
                "2001:db8::1", List.of(new RtrEndpoint("127.0.0.1", 3323)), Policy.defaults(), List.of());
        assertMessage("router ID", () -> renderer.render(config));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 256})
    void anAsPathLimitOutOfRangeIsRefused(int length) {
        assertThrows(IllegalArgumentException.class, () -> new Policy(length, MaxPrefixAction.Warn, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6.8", "2.0.11", "3.0.2", "4.0.0"})
    void aRouteServerOnAnUnsupportedBirdIsRefused(String version) {
        assertMessage("is not supported", () -> renderer.render(BirdFixtures.threeMembers(), BirdVersion.parse(version)),
                "older than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0.12", "2.15.1"})
    void aspaOnABirdWithoutAspaIsRefusedInsteadOfIgnored(String version) {
        for (AspaPolicy policy : List.of(AspaPolicy.Tag, AspaPolicy.Reject)) {
            RouteServerConfig config = BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                    Policy.defaults().withAspa(policy));
            assertMessage("needs BIRD 2.16 or later or BIRD 3; this route server runs BIRD " + BirdVersion.parse(version),
                    () -> renderer.render(config, BirdVersion.parse(version)));
        }
    }

    @Test
    void aspaOffRendersOnEverySupportedBird() {
        RouteServerConfig config = BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                Policy.defaults().withAspa(AspaPolicy.Off));
        for (String version : List.of("2.0.12", "2.15.1", "2.17.6", "3.1.8")) {
            assertTrue(!renderer.render(config, BirdVersion.parse(version)).contains("aspa"), version);
        }
    }

    @Test
    void aTemplateThatFailsToRenderIsAReportedRenderFailureNamingTheTemplate() {
        BirdConfigRenderer unrenderable = new BirdConfigRenderer("bird-unrenderable/");
        for (var render : List.<org.junit.jupiter.api.function.Executable>of(
                () -> unrenderable.render(BirdFixtures.threeMembers()),
                () -> unrenderable.renderParts(BirdFixtures.threeMembers()))) {
            BirdRenderException error = assertThrows(BirdRenderException.class, render);
            assertTrue(error.getMessage().startsWith("template ztix cannot be rendered: "), error.getMessage());
            assertTrue(error.getMessage().contains("noSuchProperty"), error.getMessage());
        }
    }

    private static Member member(long asn, String nodeId, String ipv6, String ipv4) {
        return new Member("jr", asn, "Net", null, nodeId, ipv6, ipv4, null, null);
    }

    private static RouteServerConfig withMember(Member member) {
        return BirdFixtures.routeServer(List.of(member));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action);
        assertTrue(error.getMessage().contains(expected), "expected '" + expected + "' in: " + error.getMessage());
    }

    /** The message contains {@code expected} or {@code alternative}. */
    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action, String alternative) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, action);
        assertTrue(error.getMessage().contains(expected) || error.getMessage().contains(alternative),
                "expected '" + expected + "' or '" + alternative + "' in: " + error.getMessage());
    }
}
