package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
import static io.ztix.operator.bird.PolicyFixture.A_V6;
import static io.ztix.operator.bird.PolicyFixture.B;
import static io.ztix.operator.bird.PolicyFixture.C;
import static io.ztix.operator.bird.PolicyFixture.TRANSIT;
import static io.ztix.operator.bird.PolicyFixture.awaitAccepted;
import static io.ztix.operator.bird.TestRoutes.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ztix.api.routeserver.RouteServerCommunity;
import io.ztix.operator.irr.IrrPrefix;
import io.ztix.operator.testsupport.BirdInstallation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7999 blackholing on a real BIRD: member A's AS-SET registers 45.128.50.0/23 (up to /24) and 2a0c:9a40::/32 (up
 * to /48), with a ROA for 45.128.50.0/23 up to /24; member C's IRR is not checked. A's BLACKHOLE host routes of its
 * own prefixes are accepted and pointed at the blackhole next hops (NO_EXPORT is added on export: BlackholeOverBgpTest); the same host route without
 * BLACKHOLE, a blackhole of someone else's prefix or of a foreign origin is filtered for the usual reasons; any route
 * with BLACKHOLE from a member whose IRR is not checked is filtered with RS:1101:18.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdBlackholingTest {

    @Parameter
    BirdInstallation installation;

    private static final String V4 = "from_a_v4";
    private static final String V6 = "from_a_v6";
    private static final String C_V4 = "from_c_v4";
    private static final String BLACKHOLE = "bgp_community.add((65535, 666))";
    private static final String NEXT_HOP_4 = "198.51.100.66";
    private static final String NEXT_HOP_6 = "2001:db8::66";
    private static final long STRANGER = 15562;

    private static BirdDaemon bird;

    @BeforeParameterizedClassInvocation
    static void startBirdWithBlackholing(BirdInstallation installation) {
        IrrFilter forA = new IrrFilter(List.of(A, TRANSIT), List.of(new IrrPrefix("45.128.50.0", 23, 23, 24)),
                List.of(new IrrPrefix("2a0c:9a40::", 32, 32, 48)));
        IrrFilter forB = new IrrFilter(List.of(B), List.of(new IrrPrefix("45.129.0.0", 16, 16, 24)), List.of());
        RouteServerConfig irr = PolicyFixture.routeServerWithIrr(forA, forB);
        RouteServerConfig config = new RouteServerConfig(irr.rsAsn(), irr.routerId(), irr.rsIpv4(), irr.rsIpv6(),
                irr.rtrServers(), irr.policy().withBlackholing(new Blackholing(NEXT_HOP_4, NEXT_HOP_6)), irr.members());
        String routes = TestRoutes.roas("t_roa4", "ipv4")
                .roa("45.128.50.0/23", 24, A)
                .render()
                + TestRoutes.through(V4, "ipv4", PolicyFixture.importFilter(A, "ipv4")).disabled()
                .route("45.128.50.7/32", A_V4, path(A), BLACKHOLE)
                .route("45.128.51.9/32", A_V4, path(A))
                .route("45.129.0.1/32", A_V4, path(A), BLACKHOLE)
                .route("45.128.51.0/24", A_V4, path(A))
                .route("45.128.50.8/32", A_V4, path(A, STRANGER), BLACKHOLE)
                .render()
                + TestRoutes.through(V6, "ipv6", PolicyFixture.importFilter(A, "ipv6")).disabled()
                .route("2a0c:9a40:1::1/128", A_V6, path(A), BLACKHOLE)
                .render()
                + TestRoutes.through(C_V4, "ipv4", PolicyFixture.importFilter(C, "ipv4")).disabled()
                .route("45.128.50.9/32", "198.51.100.13", path(C), BLACKHOLE)
                .route("45.130.0.0/24", "198.51.100.13", path(C), BLACKHOLE)
                .render();
        bird = BirdDaemon.start(installation, new BirdConfigRenderer().render(config, installation.birdVersion()), routes);
        PolicyFixture.enableOnceRoaIsIn(bird, "ztix_roa4", "45.128.50.0/23", V4, V6, C_V4);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void aBlackholeHostRouteOfTheMembersOwnPrefixIsAcceptedPointedAtTheBlackholeAndNotExported() {
        String details = awaitAccepted(bird, "master4", "45.128.50.7/32", V4);

        assertEquals(NEXT_HOP_4, nextHop(details));
        assertThat(standardCommunities(details)).as("NO_EXPORT is added on export (BlackholeOverBgpTest)")
                .containsExactly("65535:666");
        assertThat(PolicyFixture.filteredReasons(bird, "master4", "45.128.51.9/32", V4))
                .as("the same host route without BLACKHOLE is RPKI invalid: the ROA was there when both were checked")
                .contains(PolicyFixture.code(RouteServerCommunity.RPKI_INVALID));
        String six = awaitAccepted(bird, "master6", "2a0c:9a40:1::1/128", V6);
        assertEquals(NEXT_HOP_6, nextHop(six));
        assertThat(standardCommunities(six)).containsExactly("65535:666");
    }

    @Test
    void theSameHostRouteWithoutBlackholeIsTooLong() {
        PolicyFixture.assertFilteredFor(bird, "45.128.51.9/32", V4, RouteServerCommunity.PREFIX_TOO_LONG, RouteServerCommunity.RPKI_INVALID,
                RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    @Test
    void aBlackholeOfAPrefixTheMemberDoesNotHoldIsNotRegistered() {
        PolicyFixture.assertFilteredFor(bird, "45.129.0.1/32", V4, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    @Test
    void aBlackholeWithAnOriginOutsideTheAsSetIsFiltered() {
        PolicyFixture.assertFilteredFor(bird, "45.128.50.8/32", V4, RouteServerCommunity.IRR_ORIGIN_NOT_IN_AS_SET);
    }

    @Test
    void aMemberWhoseIrrIsNotCheckedCannotBlackholeAnything() {
        PolicyFixture.assertFilteredFor(bird, "45.128.50.9/32", C_V4, RouteServerCommunity.PREFIX_TOO_LONG,
                RouteServerCommunity.RPKI_INVALID, RouteServerCommunity.BLACKHOLE_NOT_ACCEPTED);
        PolicyFixture.assertFilteredFor(bird, "45.130.0.0/24", C_V4, RouteServerCommunity.BLACKHOLE_NOT_ACCEPTED);
    }

    @Test
    void ordinaryRoutesKeepTheirNextHop() {
        String details = awaitAccepted(bird, "master4", "45.128.51.0/24", V4);
        assertEquals(A_V4, nextHop(details));
        assertThat(standardCommunities(details)).isEmpty();
    }

    /** BGP.next_hop (BIRD 2) or bgp_next_hop (BIRD 3) of {@code birdc show route ... all}. */
    private static String nextHop(String details) {
        Matcher m = Pattern.compile("(?:BGP\\.next_hop|bgp_next_hop): (\\S+)").matcher(details);
        assertThat(m.find()).as(details).isTrue();
        return m.group(1);
    }

    /** The standard communities (BGP.community / bgp_community), as "a:b". */
    private static List<String> standardCommunities(String details) {
        return details.lines().filter(l -> l.matches("\\s*(BGP\\.community|bgp_community):.*"))
                .flatMap(l -> Pattern.compile("\\((\\d+),\\s*(\\d+)\\)").matcher(l).results())
                .map(r -> r.group(1) + ":" + r.group(2)).toList();
    }

}
