package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
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
 * RPKI ROAs as route objects (policy {@code rpkiRoasAsRouteObjects}), on a real BIRD: member A's AS-SET has origins A
 * and 3333 and the route object 45.128.50.0/23 (up to /24); member B's has no IPv6 route object. A route no route
 * object covers is accepted when a ROA validates it, with RS:1001:16 instead of RS:1001:1; without such a ROA it
 * keeps RS:1101:9; a ROA never lets in an origin outside the AS-SET.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdRoasAsRouteObjectsTest {

    @Parameter
    BirdInstallation installation;

    private static final String V4 = "from_a_v4";
    private static final String B_V6 = "from_b_v6";
    private static final long STRANGER = 15562;
    private static final String ROA_AS_ROUTE_OBJECT = PolicyFixture.code(RouteServerCommunity.IRR_ROA_AS_ROUTE_OBJECT_INFO);
    private static final String IRR_VALID = PolicyFixture.code(RouteServerCommunity.IRR_VALID_INFO);
    private static final String RPKI_VALID = PolicyFixture.code(RouteServerCommunity.RPKI_VALID_INFO);

    private static BirdDaemon bird;

    @BeforeParameterizedClassInvocation
    static void startBirdWithRoasAsRouteObjects(BirdInstallation installation) {
        IrrFilter forA = new IrrFilter(List.of(A, TRANSIT), List.of(new IrrPrefix("45.128.50.0", 23, 23, 24)),
                List.of(new IrrPrefix("2a0c:9a40::", 32, 32, 48)));
        IrrFilter forB = new IrrFilter(List.of(B), List.of(new IrrPrefix("45.129.0.0", 16, 16, 24)), List.of());
        RouteServerConfig irr = PolicyFixture.routeServerWithIrr(forA, forB);
        RouteServerConfig config = new RouteServerConfig(irr.rsAsn(), irr.routerId(), irr.rsIpv4(), irr.rsIpv6(),
                irr.rtrServers(), irr.policy().withRoasAsRouteObjects(true), irr.members());
        String routes = TestRoutes.roas("t_roa4", "ipv4")
                .roa("45.128.70.0/24", 24, A)
                .roa("45.128.72.0/24", 24, STRANGER)
                .render()
                + TestRoutes.roas("t_roa6", "ipv6")
                .roa("2a0c:9a40:70::/48", 48, B)
                .render()
                + TestRoutes.through(V4, "ipv4", PolicyFixture.importFilter(A, "ipv4")).disabled()
                .route("45.128.50.0/24", A_V4, path(A))
                .route("45.128.70.0/24", A_V4, path(A))
                .route("45.128.71.0/24", A_V4, path(A))
                .route("45.128.72.0/24", A_V4, path(A, STRANGER))
                .render()
                + TestRoutes.through(B_V6, "ipv6", PolicyFixture.importFilter(B, "ipv6")).disabled()
                .route("2a0c:9a40:70::/48", "2001:db8::12", path(B))
                .route("2a0c:9a40:71::/48", "2001:db8::12", path(B))
                .render();
        bird = BirdDaemon.start(installation, new BirdConfigRenderer().render(config, installation.birdVersion()), routes);
        PolicyFixture.enableOnceRoaIsIn(bird, "ztix_roa4", "45.128.72.0/24", V4);
        PolicyFixture.enableOnceRoaIsIn(bird, "ztix_roa6", "2a0c:9a40:70::/48", B_V6);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void aRouteNoRouteObjectCoversIsAcceptedWhenARoaForItsOriginValidatesIt() {
        assertEquals(Set.of(RPKI_VALID, ROA_AS_ROUTE_OBJECT), ours(awaitAccepted(bird, "master4", "45.128.70.0/24", V4)));
    }

    @Test
    void aFamilyWithoutRouteObjectsAcceptsARouteThatARoaValidates() {
        assertEquals(Set.of(RPKI_VALID, ROA_AS_ROUTE_OBJECT), ours(awaitAccepted(bird, "master6", "2a0c:9a40:70::/48", B_V6)));
        PolicyFixture.assertFilteredFor(bird, "2a0c:9a40:71::/48", B_V6, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    @Test
    void aRouteTheRouteObjectsCoverStaysIrrValid() {
        assertEquals(Set.of("1000:2", IRR_VALID), ours(awaitAccepted(bird, "master4", "45.128.50.0/24", V4)));
    }

    @Test
    void withoutAValidatingRoaTheRouteIsStillFilteredAsNotRegistered() {
        PolicyFixture.assertFilteredFor(bird, "45.128.71.0/24", V4, RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED);
    }

    @Test
    void aRoaNeverLetsInAnOriginOutsideTheAsSet() {
        PolicyFixture.assertFilteredFor(bird, "45.128.72.0/24", V4, RouteServerCommunity.IRR_ORIGIN_NOT_IN_AS_SET);
    }
}
