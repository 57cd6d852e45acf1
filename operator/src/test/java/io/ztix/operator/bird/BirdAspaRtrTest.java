package io.ztix.operator.bird;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.routeserver.observe.RpkiProtocols;
import io.ztix.operator.routeserver.observe.RpkiState;
import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.operator.testsupport.SameSince;
import io.ztix.operator.testsupport.rtr.RtrCacheProcess;
import io.ztix.operator.testsupport.rtr.RtrData;
import io.ztix.testing.RealTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * ASPA the way production gets it: the rendered route server (policy Reject) fills its ASPA table from an RTR cache
 * in its own namespace (RTR version 2 with ASPA PDUs, see {@link io.ztix.operator.testsupport.rtr.RtrCache}), and a
 * member BIRD announces over real IPv4 and IPv6 BGP sessions paths through origins 3333 (which names the member as
 * its provider) and 4444 (which names only 174). Runs on the BIRD lines with ASPA: 2.17 and 3.1.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("aspaLines")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BirdAspaRtrTest {

    private static final long RS_ASN = 64500;
    private static final long MEMBER_ASN = 64501;
    private static final String RS_V4 = "198.51.100.1";
    private static final String RS_V6 = "2001:db8::1";
    private static final String MEMBER_V4 = "198.51.100.11";
    private static final String MEMBER_V6 = "2001:db8::11";
    private static final String NODE = "0a1b2c3d4e";
    private static final String V4_SESSION = "m_as64501_" + NODE + "_v4";
    private static final String V6_SESSION = "m_as64501_" + NODE + "_v6";
    private static final long CUSTOMER_OF_MEMBER = 3333;
    private static final long CUSTOMER_OF_OTHERS = 4444;
    private static final int RTR_PORT = 3323;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern COUNT = Pattern.compile("(\\d+) of (\\d+) routes");

    private static NamespacePair lan;
    private static RtrCacheProcess rtr;
    private static Path rtrDir;
    private static BirdDaemon routeServer;
    private static BirdDaemon member;

    @Parameter
    BirdInstallation installation;

    static List<BirdInstallation> aspaLines() {
        return List.of(BirdInstallation.TRIXIE_2_17, BirdInstallation.TRIXIE_3_1);
    }

    @BeforeParameterizedClassInvocation
    static void startRtrCacheRouteServerAndMember(BirdInstallation installation) {
        installation.require();
        lan = NamespacePair.create(RS_V4, RS_V6, MEMBER_V4, MEMBER_V6);
        rtrDir = installation.tempDirectory("ztix-rtr-");
        rtr = RtrCacheProcess.start(List.of(RealTools.require("ip", "/usr/sbin/ip", "/sbin/ip").toString(), "netns",
                "exec", lan.left), "127.0.0.1", RTR_PORT, rtrDir, aspas(List.of(174L)));
        RouteServerConfig config = new RouteServerConfig(RS_ASN, RS_V4, RS_V4, RS_V6,
                List.of(new RtrEndpoint("127.0.0.1", RTR_PORT)), Policy.defaults().withAspa(AspaPolicy.Reject),
                List.of(new Member("member", MEMBER_ASN, "Member", null, NODE, MEMBER_V6, MEMBER_V4, 10L, 10L)));
        String include = new BirdConfigRenderer().render(config, installation.birdVersion());
        routeServer = BirdDaemon.startInNamespace(installation, lan.left, "log \"@DIR@/bird.log\" all;\n"
                + "protocol device { scan time 1; }\n"
                + "include \"@DIR@/ztix.conf\";\n", include);
        await("the route server's ASPA table is filled over RTR").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> count("ztix_aspa") == 2);
        member = BirdDaemon.startInNamespace(BirdInstallation.HOST_2_0, lan.right, memberConfig());
    }

    @AfterParameterizedClassInvocation
    static void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {member, routeServer, rtr, lan}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
        if (rtrDir != null) {
            BirdParser.deleteRecursively(rtrDir);
        }
        rtrDir = null;
        member = null;
        routeServer = null;
        rtr = null;
        lan = null;
    }

    @Test
    @Order(1)
    void theRouteServerSpeaksRtrVersion2AndHoldsTheAspaRecords() {
        String rpki = routeServer.birdc("show", "protocols", "all", "ztix_rpki_1");
        assertTrue(rpki.contains("Established") && rpki.contains("Protocol version: 2"), rpki);
        assertTrue(rtr.log().contains("2 ASPAs"), rtr.log());
    }

    @Test
    @Order(1)
    void theSessionPollCountsTheRoasApartFromTheAspaRecords() {
        // one IPv4 ROA, no IPv6 ROA and two ASPA records served; the aspa channel is listed after roa6
        RpkiState state = RpkiProtocols.parse(routeServer.birdc("show", "protocols", "all", "ztix_rpki_1")).get("ztix_rpki_1");
        assertTrue(state.inSync(), state.toString());
        assertEquals(1L, state.roas4(), state.toString());
        assertEquals(0L, state.roas6(), state.toString());
    }

    @Test
    @Order(2)
    void aValidPathIsAcceptedOnBothFamilies() {
        assertTrue(PolicyFixture.awaitAccepted(routeServer, "master4", "45.128.50.0/24", V4_SESSION)
                .contains("(" + RS_ASN + ", 1002, 1)"));
        assertTrue(PolicyFixture.awaitAccepted(routeServer, "master6", "2a0c:9a40:50::/48", V6_SESSION)
                .contains("(" + RS_ASN + ", 1002, 1)"));
    }

    @Test
    @Order(3)
    void aPathThroughAProviderTheCustomersAspaDoesNotListIsRejectedWithItsReasonOnBothFamilies() {
        String v4 = PolicyFixture.awaitFilteredDetails(routeServer, "master4", "45.128.51.0/24", V4_SESSION);
        String v6 = PolicyFixture.awaitFilteredDetails(routeServer, "master6", "2a0c:9a40:51::/48", V6_SESSION);
        assertTrue(v4.contains("(" + RS_ASN + ", 1101, 16)"), v4);
        assertTrue(v6.contains("(" + RS_ASN + ", 1101, 16)"), v6);
    }

    @Test
    @Order(4)
    void whenTheCustomerPublishesTheMemberAsProviderTheRouteIsAcceptedWithoutResettingTheSession() {
        PolicyFixture.awaitFiltered(routeServer, "master4", "45.128.51.0/24", V4_SESSION);
        String since = sinceOf(V4_SESSION);
        rtr.update(aspas(List.of(174L, MEMBER_ASN)));
        // BIRD re-validates after its RPKI settle time (BIRD 3: up to 20 s by default)
        String accepted = PolicyFixture.awaitAccepted(routeServer, "master4", "45.128.51.0/24", V4_SESSION, WAIT);
        assertTrue(accepted.contains("(" + RS_ASN + ", 1002, 1)"), accepted);
        PolicyFixture.awaitAccepted(routeServer, "master6", "2a0c:9a40:51::/48", V6_SESSION, WAIT);
        SameSince.assertNotRestarted(since, sinceOf(V4_SESSION), "the member's session stayed up");
    }

    private static RtrData aspas(List<Long> providersOfOthers) {
        return new RtrData(List.of(RtrData.Roa.of("45.128.50.0/24", 24, CUSTOMER_OF_MEMBER)), List.of(
                new RtrData.Aspa(CUSTOMER_OF_MEMBER, List.of(MEMBER_ASN)),
                new RtrData.Aspa(CUSTOMER_OF_OTHERS, providersOfOthers)));
    }

    private static int count(String table) {
        Matcher matcher = COUNT.matcher(routeServer.birdc("show", "route", "table", table, "count"));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static String sinceOf(String protocol) {
        String line = routeServer.birdc("show", "protocols", protocol).lines()
                .filter(l -> l.startsWith(protocol)).findFirst().orElseThrow();
        return line.trim().split("\\s+")[4];
    }

    private static String memberConfig() {
        return "log \"@DIR@/bird.log\" all;\n"
                + "router id " + MEMBER_V4 + ";\n"
                + "protocol device { scan time 1; }\n\n"
                + TestRoutes.plain("own4", "ipv4")
                .routeFrom("45.128.50.0/24", CUSTOMER_OF_MEMBER)
                .routeFrom("45.128.51.0/24", CUSTOMER_OF_OTHERS)
                .render()
                + TestRoutes.plain("own6", "ipv6")
                .routeFrom("2a0c:9a40:50::/48", CUSTOMER_OF_MEMBER)
                .routeFrom("2a0c:9a40:51::/48", CUSTOMER_OF_OTHERS)
                .render()
                + MemberSession.bgp("rs4", MEMBER_V4, MEMBER_ASN, RS_V4, RS_ASN, "ipv4")
                + MemberSession.bgp("rs6", MEMBER_V6, MEMBER_ASN, RS_V6, RS_ASN, "ipv6");
    }
}
