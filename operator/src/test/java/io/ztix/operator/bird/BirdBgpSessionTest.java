package io.ztix.operator.bird;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.SameSince;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real BGP session between the rendered route server and one member, each BIRD in its own network
 * namespace on a private veth "peering LAN". Proves what a static-route test cannot: the sessions come
 * up with the rendered options (rs client, local role rs_server), routes received over BGP (including
 * IPv6 with its global and link-local next hop) pass the import filter, routes are validated again when
 * the ROAs change (import table, rpki reload), and the max-prefix limit acts.
 *
 * <p>The sessions are shared by the tests; the max-prefix test, which takes the IPv4 session down, runs
 * last and restores it. The route server runs each BIRD line under test; the member is always the host's BIRD 2.0.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BirdBgpSessionTest {

    /** Which BIRD this invocation runs (the arguments also reach the static start method). */
    @Parameter
    BirdInstallation installation;

    private static final long RS_ASN = 64500;
    private static final long MEMBER_ASN = 64501;
    private static final String RS_V4 = "198.51.100.1";
    private static final String RS_V6 = "2001:db8::1";
    private static final String MEMBER_V4 = "198.51.100.11";
    private static final String MEMBER_V6 = "2001:db8::11";
    private static final String NODE = "0a1b2c3d4e";
    private static final String V4_SESSION = "m_as64501_" + NODE + "_v4";
    private static final String V6_SESSION = "m_as64501_" + NODE + "_v6";
    /** The member announces 3 IPv4 routes; a 4th and 5th come with the "more" protocol. */
    private static final long IPV4_LIMIT = 4;

    /** A ROA that makes the member's 45.128.1.0/24 invalid, published only when a test enables it. */
    private static final String LATE_ROAS = "late_roas";

    private static NamespacePair lan;
    private static BirdDaemon routeServer;
    private static BirdDaemon member;

    @BeforeParameterizedClassInvocation
    static void startRouteServerAndMember(BirdInstallation installation) {
        lan = NamespacePair.create(RS_V4, RS_V6, MEMBER_V4, MEMBER_V6);
        RouteServerConfig config = new RouteServerConfig(RS_ASN, RS_V4, RS_V4, RS_V6,
                List.of(new RtrEndpoint("127.0.0.1", 3323)), new Policy(32, MaxPrefixAction.Disable, true),
                List.of(new Member("member", MEMBER_ASN, "Member", null, NODE, MEMBER_V6, MEMBER_V4, IPV4_LIMIT, 10L)));
        String include = new BirdConfigRenderer().render(config, installation.birdVersion());
        // The member first: a route server whose first connection attempt is refused waits in BIRD's
        // "error wait" state (60 s by default) before it accepts the member's connection.
        member = BirdDaemon.startInNamespace(BirdInstallation.HOST_2_0, lan.right, memberConfig());
        routeServer = BirdDaemon.startInNamespace(installation, lan.left, "log \"@DIR@/bird.log\" all;\n"
                + "protocol device { scan time 1; }\n"
                + "include \"@DIR@/ztix.conf\";\n\n"
                + TestRoutes.roas(LATE_ROAS, "ipv4").disabled().roa("45.128.1.0/24", 24, 3333).render(),
                include);
    }

    @AfterParameterizedClassInvocation
    static void stopEverything() {
        if (member != null) {
            member.close();
            member = null;
        }
        if (routeServer != null) {
            routeServer.close();
            routeServer = null;
        }
        if (lan != null) {
            lan.close();
            lan = null;
        }
    }

    @Test
    void bothSessionsComeUpWithTheRsServerRole() {
        awaitEstablished(V4_SESSION);
        awaitEstablished(V6_SESSION);
        String details = routeServer.birdc("show", "protocols", "all", V6_SESSION);
        assertTrue(details.contains("rs_server"), details);
    }

    @Test
    void routesLearntOverBgpPassTheImportFilterUnchanged() {
        awaitEstablished(V4_SESSION);
        awaitEstablished(V6_SESSION);
        String v4 = PolicyFixture.awaitAccepted(routeServer, "master4", "45.128.0.0/24", V4_SESSION);
        assertTrue(v4.contains(routeServer.shown("bgp_next_hop") + ": " + MEMBER_V4), v4);
        assertTrue(v4.contains(routeServer.shown("bgp_path") + ": " + MEMBER_ASN + "\n"), v4);
        String v6 = PolicyFixture.awaitAccepted(routeServer, "master6", "2a0c:9a40::/48", V6_SESSION);
        assertTrue(v6.contains(routeServer.shown("bgp_next_hop") + ": " + MEMBER_V6 + " fe80:"),
                "global and link-local next hop: " + v6);
    }

    @Test
    void aBogonLearntOverBgpIsKeptAsFiltered() {
        PolicyFixture.awaitFiltered(routeServer, "master4", "10.0.0.0/8", V4_SESSION);
    }

    @Test
    void aRouteIsValidatedAgainWhenRoasChangeWithoutResettingTheSession() {
        awaitEstablished(V4_SESSION);
        PolicyFixture.awaitAccepted(routeServer, "master4", "45.128.1.0/24", V4_SESSION);
        String since = sessionSince();
        routeServer.birdc("enable", LATE_ROAS);
        try {
            PolicyFixture.awaitFiltered(routeServer, "master4", "45.128.1.0/24", V4_SESSION);
        } finally {
            routeServer.birdc("disable", LATE_ROAS);
        }
        PolicyFixture.awaitAccepted(routeServer, "master4", "45.128.1.0/24", V4_SESSION);
        SameSince.assertNotRestarted(since, sessionSince(), "the session stayed up");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void exceedingTheMaxPrefixLimitDisablesTheSession() {
        awaitEstablished(V4_SESSION);
        PolicyFixture.awaitAccepted(routeServer, "master4", "45.128.0.0/24", V4_SESSION);
        member.birdc("enable", "more");
        try {
            awaitDisabledOverLimit();
        } finally {
            member.birdc("disable", "more");
            routeServer.birdc("enable", V4_SESSION);
        }
        String v6 = routeServer.birdc("show", "protocols", V6_SESSION);
        assertTrue(v6.contains("Established"), "the IPv6 session is not affected: " + v6);
    }

    private static void awaitDisabledOverLimit() {
        await("the route server disables " + V4_SESSION + " over its limit of " + IPV4_LIMIT)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String state = routeServer.birdc("show", "protocols", "all", V4_SESSION);
                    return state.contains("down") && state.contains("Route limit exceeded");
                });
    }

    private static String sessionSince() {
        String line = routeServer.birdc("show", "protocols", V4_SESSION).lines()
                .filter(l -> l.startsWith(V4_SESSION)).findFirst().orElseThrow();
        return line.trim().split("\\s+")[4];
    }

    private static void awaitEstablished(String protocol) {
        await(protocol + " established").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> routeServer.birdc("show", "protocols", protocol).contains("Established"));
    }

    private static String memberConfig() {
        return "log \"@DIR@/bird.log\" all;\n"
                + "router id " + MEMBER_V4 + ";\n"
                + "protocol device { scan time 1; }\n\n"
                + TestRoutes.plain("own4", "ipv4")
                .route("45.128.0.0/24")
                .route("45.128.1.0/24")
                .route("10.0.0.0/8")
                .render()
                + TestRoutes.plain("own6", "ipv6")
                .route("2a0c:9a40::/48")
                .render()
                + TestRoutes.plain("more", "ipv4").disabled()
                .route("45.128.2.0/24")
                .route("45.128.3.0/24")
                .render()
                + MemberSession.bgp("rs4", MEMBER_V4, MEMBER_ASN, RS_V4, RS_ASN, "ipv4")
                + MemberSession.bgp("rs6", MEMBER_V6, MEMBER_ASN, RS_V6, RS_ASN, "ipv6");
    }
}
