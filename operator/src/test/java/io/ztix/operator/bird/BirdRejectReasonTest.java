package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
import static io.ztix.operator.bird.PolicyFixture.A_V6;
import static io.ztix.operator.bird.PolicyFixture.RS_ASN;
import static io.ztix.operator.bird.PolicyFixture.TRANSIT;
import static io.ztix.operator.bird.PolicyFixture.awaitAccepted;
import static io.ztix.operator.bird.PolicyFixture.awaitFilteredDetails;
import static io.ztix.operator.bird.PolicyFixture.ours;
import static io.ztix.operator.bird.TestRoutes.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ztix.api.routeserver.RouteServerCommunity;
import io.ztix.operator.testsupport.BirdInstallation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Member A announces one accepted route and, for every reject reason the templates set, one route that fails
 * exactly that check; a real BIRD applies A's rendered import filter. Each filtered route carries exactly its
 * reason's {@code RS:1101:n} community (and no other reason), accepted routes carry their RPKI state and
 * "IRR not checked", and communities a member sends in the route server's own ranges are removed. ASPA's reason
 * ({@code RS:1101:16}) needs an ASPA-capable BIRD and is checked in {@link BirdAspaPolicyTest}; the IRR reasons
 * ({@code RS:1101:9/10}) need a member with IRR lists and are checked in {@link BirdIrrFilterTest}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdRejectReasonTest {

    @Parameter
    BirdInstallation installation;

    private static final String V4 = "from_a_v4";
    private static final String V6 = "from_a_v6";

    private static BirdDaemon bird;

    @BeforeParameterizedClassInvocation
    static void startBirdWithOneRoutePerReason(BirdInstallation installation) {
        long[] tooLongPath = new long[33];
        Arrays.fill(tooLongPath, A);
        String routes = TestRoutes.roas("t_roa4", "ipv4").roa("45.128.60.0/24", 24, TRANSIT).roa("45.128.61.0/24", 24, A).render()
                + TestRoutes.roas("t_roa6", "ipv6").roa("2a0c:9a40:60::/48", 48, TRANSIT).render()
                + TestRoutes.through(V4, "ipv4", PolicyFixture.importFilter(A, "ipv4"))
                .route("45.128.50.0/24", A_V4, path(A))
                .route("45.128.51.0/25", A_V4, path(A))
                .route("44.0.0.0/7", A_V4, path(A))
                .route("10.50.0.0/16", A_V4, path(A))
                .route("45.128.52.0/24", A_V4, path(A, 64512, TRANSIT))
                .route("45.128.53.0/24", A_V4, tooLongPath)
                .route("45.128.54.0/24", A_V4, path())
                .route("45.128.55.0/24", A_V4, path(TRANSIT))
                .route("45.128.56.0/24", "198.51.100.99", path(A))
                .route("45.128.60.0/24", A_V4, path(A))
                .route("45.128.57.0/24", A_V4, path(A, RS_ASN, TRANSIT))
                .route("45.128.59.0/24", A_V4, path(A, 3356, TRANSIT))
                .route("45.128.61.0/24", A_V4, path(A))
                .route("45.128.62.0/24", A_V4, path(A), "bgp_community.add((65535, 666))")
                .route("45.128.58.0/24", A_V4, path(A),
                        "bgp_large_community.add((" + RS_ASN + ", 1101, 3))", "bgp_large_community.add((" + RS_ASN + ", 1000, 1))")
                .render()
                + TestRoutes.through(V6, "ipv6", PolicyFixture.importFilter(A, "ipv6"))
                .route("2a0c:9a40:50::/48", A_V6, path(A))
                .route("2a0c:9a40:51::/49", A_V6, path(A))
                .route("2000::/11", A_V6, path(A))
                .route("fd00:50::/48", A_V6, path(A))
                .route("2a0c:9a40:56::/48", "2001:db8::99", path(A))
                .route("2a0c:9a40:60::/48", A_V6, path(A))
                .render();
        bird = BirdDaemon.start(installation, new BirdConfigRenderer().render(PolicyFixture.routeServer(), installation.birdVersion()), routes);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void eachFilteredIpv4RouteCarriesExactlyItsReason() {
        assertReason("45.128.51.0/25", V4, RouteServerCommunity.PREFIX_TOO_LONG);
        assertReason("44.0.0.0/7", V4, RouteServerCommunity.PREFIX_TOO_SHORT);
        assertReason("10.50.0.0/16", V4, RouteServerCommunity.BOGON_PREFIX);
        assertReason("45.128.52.0/24", V4, RouteServerCommunity.BOGON_ASN);
        assertReason("45.128.53.0/24", V4, RouteServerCommunity.AS_PATH_TOO_LONG);
        assertReason("45.128.54.0/24", V4, RouteServerCommunity.AS_PATH_EMPTY);
        assertReason("45.128.55.0/24", V4, RouteServerCommunity.FIRST_AS_NOT_PEER);
        assertReason("45.128.56.0/24", V4, RouteServerCommunity.NEXT_HOP_NOT_PEER);
        assertReason("45.128.60.0/24", V4, RouteServerCommunity.RPKI_INVALID);
        assertReason("45.128.57.0/24", V4, RouteServerCommunity.ROUTE_SERVER_ASN_IN_PATH);
        assertReason("45.128.59.0/24", V4, RouteServerCommunity.TRANSIT_FREE_ASN);
        assertReason("45.128.62.0/24", V4, RouteServerCommunity.BLACKHOLE_NOT_ACCEPTED);
    }

    @Test
    void eachFilteredIpv6RouteCarriesExactlyItsReason() {
        assertReason("2a0c:9a40:51::/49", V6, RouteServerCommunity.PREFIX_TOO_LONG);
        assertReason("2000::/11", V6, RouteServerCommunity.PREFIX_TOO_SHORT);
        assertReason("fd00:50::/48", V6, RouteServerCommunity.BOGON_PREFIX);
        assertReason("2a0c:9a40:56::/48", V6, RouteServerCommunity.NEXT_HOP_NOT_PEER);
        assertReason("2a0c:9a40:60::/48", V6, RouteServerCommunity.RPKI_INVALID);
    }

    @Test
    void everyRejectReasonTheTemplatesSetExceptAspaIsCoveredHere() {
        Set<RouteServerCommunity> rendered = EnumSet.noneOf(RouteServerCommunity.class);
        for (RouteServerCommunity c : RouteServerCommunity.values()) {
            if (c.rendered() && c.kind() == RouteServerCommunity.Kind.FILTERED && c != RouteServerCommunity.ASPA_INVALID
                    && c != RouteServerCommunity.IRR_PREFIX_NOT_REGISTERED && c != RouteServerCommunity.IRR_ORIGIN_NOT_IN_AS_SET) {
                rendered.add(c);
            }
        }
        assertEquals(EnumSet.of(RouteServerCommunity.PREFIX_TOO_LONG, RouteServerCommunity.PREFIX_TOO_SHORT,
                RouteServerCommunity.BOGON_PREFIX, RouteServerCommunity.BOGON_ASN, RouteServerCommunity.AS_PATH_TOO_LONG,
                RouteServerCommunity.AS_PATH_EMPTY, RouteServerCommunity.FIRST_AS_NOT_PEER,
                RouteServerCommunity.NEXT_HOP_NOT_PEER, RouteServerCommunity.RPKI_INVALID,
                RouteServerCommunity.ROUTE_SERVER_ASN_IN_PATH, RouteServerCommunity.TRANSIT_FREE_ASN,
                RouteServerCommunity.BLACKHOLE_NOT_ACCEPTED), rendered,
                "a new reject reason needs a route in this test");
    }

    @Test
    void acceptedRoutesCarryTheirRpkiStateAndThatIrrWasNotChecked() {
        assertEquals(Set.of("1000:2", "1001:2"), ours(awaitAccepted(bird, "master4", "45.128.50.0/24", V4)));
        assertEquals(Set.of("1000:1", "1001:2"), ours(awaitAccepted(bird, "master4", "45.128.61.0/24", V4)));
        assertEquals(Set.of("1000:2", "1001:2"), ours(awaitAccepted(bird, "master6", "2a0c:9a40:50::/48", V6)));
    }

    @Test
    void reasonsAndInformationAMemberSendsItselfAreRemoved() {
        assertEquals(Set.of("1000:2", "1001:2"), ours(awaitAccepted(bird, "master4", "45.128.58.0/24", V4)));
    }

    private static void assertReason(String prefix, String protocol, RouteServerCommunity reason) {
        String table = protocol.equals(V4) ? "master4" : "master6";
        String details = awaitFilteredDetails(bird, table, prefix, protocol);
        Set<String> reasons = ours(details).stream().filter(c -> c.startsWith("1101:")).collect(Collectors.toSet());
        assertEquals(Set.of(reason.function() + ":" + reason.value()), reasons, prefix + " " + details);
    }
}
