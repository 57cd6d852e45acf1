package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
import static io.ztix.operator.bird.PolicyFixture.A_V6;
import static io.ztix.operator.bird.PolicyFixture.B;
import static io.ztix.operator.bird.PolicyFixture.TRANSIT;
import static io.ztix.operator.bird.PolicyFixture.awaitAccepted;
import static io.ztix.operator.bird.PolicyFixture.ours;
import static io.ztix.operator.bird.TestRoutes.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ztix.api.routeserver.RouteServerCommunity;
import io.ztix.operator.irr.IrrPrefix;
import io.ztix.operator.testsupport.BirdInstallation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Member A's IRR lists: origins A and 3333; IPv4 45.128.50.0/23 with more specifics up to /24 and 45.128.60.0/22
 * exactly; IPv6 2a0c:9a40::/32 up to /48. Member B's lists have no IPv6 route object. A real BIRD applies their
 * rendered import filters: a route with an origin outside the AS-SET carries exactly RS:1101:10, one no entry covers
 * exactly RS:1101:9, and accepted routes carry "IRR valid" (RS:1001:1) instead of "IRR not checked".
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdIrrFilterTest {

    @Parameter
    BirdInstallation installation;

    private static final String V4 = "from_a_v4";
    private static final String V6 = "from_a_v6";
    private static final String B_V6 = "from_b_v6";
    private static final long STRANGER = 15562;

    private static BirdDaemon bird;

    @BeforeParameterizedClassInvocation
    static void startBirdWithTheIrrListsOfAAndB(BirdInstallation installation) {
        IrrFilter forA = new IrrFilter(List.of(A, TRANSIT),
                List.of(new IrrPrefix("45.128.50.0", 23, 23, 24), new IrrPrefix("45.128.60.0", 22, 22, 22)),
                List.of(new IrrPrefix("2a0c:9a40::", 32, 32, 48)));
        IrrFilter forB = new IrrFilter(List.of(B), List.of(new IrrPrefix("45.129.0.0", 16, 16, 24)), List.of());
        String routes = TestRoutes.through(V4, "ipv4", PolicyFixture.importFilter(A, "ipv4"))
                .route("45.128.50.0/23", A_V4, path(A))
                .route("45.128.51.0/24", A_V4, path(A, TRANSIT))
                .route("45.128.60.0/22", A_V4, path(A))
                .route("45.128.61.0/24", A_V4, path(A))
                .route("45.128.70.0/24", A_V4, path(A))
                .route("45.128.50.0/24", A_V4, path(A, STRANGER))
                .render()
                + TestRoutes.through(V6, "ipv6", PolicyFixture.importFilter(A, "ipv6"))
                .route("2a0c:9a40:50::/48", A_V6, path(A))
                .route("2a0c:9a41::/48", A_V6, path(A))
                .route("2a0c:9a40:51::/48", A_V6, path(A, STRANGER))
                .render()
                + TestRoutes.through(B_V6, "ipv6", PolicyFixture.importFilter(B, "ipv6"))
                .route("2a0c:9a40:70::/48", "2001:db8::12", path(B))
                .render();
        bird = BirdDaemon.start(installation, new BirdConfigRenderer().render(PolicyFixture.routeServerWithIrr(forA, forB)),
                routes);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void routesTheAsSetCoversAreAcceptedAsIrrValid() {
        assertEquals(Set.of("1000:2", "1001:1"), ours(awaitAccepted(bird, "master4", "45.128.50.0/23", V4)));
        assertEquals(Set.of("1000:2", "1001:1"), ours(awaitAccepted(bird, "master6", "2a0c:9a40:50::/48", V6)));
    }

    @Test
    void aMoreSpecificUpToTheLengthLimitFromAnOriginOfTheSetIsAccepted() {
        assertEquals(Set.of("1000:2", "1001:1"), ours(awaitAccepted(bird, "master4", "45.128.51.0/24", V4)));
    }

    @Test
    void anExactEntryAcceptsThatLengthOnly() {
        awaitAccepted(bird, "master4", "45.128.60.0/22", V4);
        assertReasons("45.128.61.0/24", V4, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    @Test
    void aPrefixNoRouteObjectCoversCarriesExactlyTheIrrPrefixReason() {
        assertReasons("45.128.70.0/24", V4, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
        assertReasons("2a0c:9a41::/48", V6, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    @Test
    void anOriginOutsideTheAsSetCarriesExactlyTheIrrOriginReason() {
        assertReasons("45.128.50.0/24", V4, RouteServerCommunity.IRR_ORIGIN_NOT_IN_AS_SET);
        assertReasons("2a0c:9a40:51::/48", V6, RouteServerCommunity.IRR_ORIGIN_NOT_IN_AS_SET);
    }

    @Test
    void aFamilyWithoutRouteObjectsRegistersNoRouteOfThatFamily() {
        assertReasons("2a0c:9a40:70::/48", B_V6, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    private static void assertReasons(String prefix, String protocol, RouteServerCommunity reason) {
        String table = protocol.equals(V4) ? "master4" : "master6";
        assertEquals(Set.of(reason.function() + ":" + reason.value()), PolicyFixture.filteredReasons(bird, table, prefix, protocol),
                prefix + " from " + protocol);
    }
}
