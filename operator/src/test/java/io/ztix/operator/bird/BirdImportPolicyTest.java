package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
import static io.ztix.operator.bird.PolicyFixture.A_V6;
import static io.ztix.operator.bird.PolicyFixture.TRANSIT;
import static io.ztix.operator.bird.PolicyFixture.awaitAccepted;
import static io.ztix.operator.bird.PolicyFixture.awaitFiltered;
import static io.ztix.operator.bird.TestRoutes.path;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.BirdInstallation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Member A's real rendered import filters, applied by a real BIRD daemon to static routes that carry the
 * BGP attributes a member could send. Each test names one policy element and proves it both rejects what
 * it should and lets the otherwise identical good route through. Runs on every BIRD line under test.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdImportPolicyTest {

    /** Which BIRD this invocation runs (the arguments also reach the static start method). */
    @Parameter
    BirdInstallation installation;

    private static final String V4 = "from_a_v4";
    private static final String V6 = "from_a_v6";
    private static final String WRONG_V4_NEXT_HOP = "198.51.100.99";
    private static final String WRONG_V6_NEXT_HOP = "2001:db8::99";

    private static BirdDaemon bird;

    @BeforeParameterizedClassInvocation
    static void startBirdWithMemberARoutes(BirdInstallation installation) {
        String include = new BirdConfigRenderer().render(PolicyFixture.routeServer(), installation.birdVersion());
        long[] longestPath = new long[32];
        Arrays.fill(longestPath, A);
        long[] tooLongPath = new long[33];
        Arrays.fill(tooLongPath, A);
        String routes = TestRoutes.roas("t_roa4", "ipv4")
                .roa("45.128.1.0/24", 24, TRANSIT)
                .roa("45.128.3.0/24", 24, TRANSIT)
                .render()
                + TestRoutes.roas("t_roa6", "ipv6")
                .roa("2a0c:9a40:1::/48", 48, TRANSIT)
                .render()
                + TestRoutes.through(V4, "ipv4", PolicyFixture.importFilter(A, "ipv4"))
                .route("45.128.0.0/24", A_V4, path(A))
                .route("45.128.4.0/24", A_V4, path(A, TRANSIT))
                .route("10.20.0.0/16", A_V4, path(A))
                .route("198.51.100.0/24", A_V4, path(A))
                .route("45.128.5.0/25", A_V4, path(A))
                .route("44.0.0.0/7", A_V4, path(A))
                .route("45.128.6.0/24", A_V4, path(A, 64512, TRANSIT))
                .route("45.128.7.0/24", A_V4, path(A, 4200000001L, TRANSIT))
                .route("45.128.8.0/24", A_V4, path(A, 23456))
                .route("45.128.9.0/24", A_V4, path(A, A, A))
                .route("45.128.10.0/24", A_V4, path(TRANSIT))
                .route("45.128.11.0/24", A_V4, path(TRANSIT, A))
                .route("45.128.12.0/24", WRONG_V4_NEXT_HOP, path(A))
                .route("45.128.13.0/24", A_V4, longestPath)
                .route("45.128.14.0/24", A_V4, tooLongPath)
                .route("45.128.1.0/24", A_V4, path(A))
                .route("45.128.3.0/24", A_V4, path(A, TRANSIT))
                .route("45.128.2.0/24", A_V4, path(A))
                .route("45.128.15.0/24", A_V4, path(A), "bgp_community.add((65535, 0))")
                .route("45.128.16.0/24", A_V4, path(A, PolicyFixture.RS_ASN, TRANSIT))
                .render()
                + TestRoutes.through(V6, "ipv6", PolicyFixture.importFilter(A, "ipv6"))
                .route("2a0c:9a40::/48", A_V6, path(A))
                .route("2a0c:9a40:2::/49", A_V6, path(A))
                .route("2000::/11", A_V6, path(A))
                .route("fd00:1234::/48", A_V6, path(A))
                .route("2001:db8:1::/48", A_V6, path(A))
                .route("2002:aa::/32", A_V6, path(A))
                .route("2a0c:9a40:3::/48", WRONG_V6_NEXT_HOP, path(A))
                .route("2a0c:9a40:4::/48", A_V6, path(TRANSIT))
                .route("2a0c:9a40:5::/48", A_V6, path(A, 64512, TRANSIT))
                .route("2a0c:9a40:1::/48", A_V6, path(A))
                .route("2a0c:9a40:6::/48", A_V6, path(A), "bgp_community.add((65535, 0))")
                .render();
        bird = BirdDaemon.start(installation, include, routes);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void aWellFormedRouteFromTheMemberIsAccepted() {
        awaitAccepted(bird, "master4", "45.128.0.0/24", V4);
        awaitAccepted(bird, "master4", "45.128.4.0/24", V4);
        awaitAccepted(bird, "master6", "2a0c:9a40::/48", V6);
    }

    @Test
    void ipv4BogonsAreRejected() {
        awaitFiltered(bird, "master4", "10.20.0.0/16", V4);
        awaitFiltered(bird, "master4", "198.51.100.0/24", V4);
    }

    @Test
    void ipv6OutsideGlobalUnicastAndSpecialBlocksAreRejected() {
        awaitFiltered(bird, "master6", "fd00:1234::/48", V6);
        awaitFiltered(bird, "master6", "2001:db8:1::/48", V6);
        awaitFiltered(bird, "master6", "2002:aa::/32", V6);
    }

    @Test
    void ipv4PrefixesLongerThan24OrShorterThan8AreRejected() {
        awaitFiltered(bird, "master4", "45.128.5.0/25", V4);
        awaitFiltered(bird, "master4", "44.0.0.0/7", V4);
    }

    @Test
    void ipv6PrefixesLongerThan48OrShorterThan12AreRejected() {
        awaitFiltered(bird, "master6", "2a0c:9a40:2::/49", V6);
        awaitFiltered(bird, "master6", "2000::/11", V6);
    }

    @Test
    void pathsThroughPrivateReservedOrTransitionAsnsAreRejected() {
        awaitFiltered(bird, "master4", "45.128.6.0/24", V4);
        awaitFiltered(bird, "master4", "45.128.7.0/24", V4);
        awaitFiltered(bird, "master4", "45.128.8.0/24", V4);
        awaitFiltered(bird, "master6", "2a0c:9a40:5::/48", V6);
    }

    @Test
    void theMembersOwnDocumentationAsnMayAppearAndBePrepended() {
        awaitAccepted(bird, "master4", "45.128.9.0/24", V4);
    }

    @Test
    void aPathThroughTheRouteServersOwnAsnIsRejected() {
        awaitFiltered(bird, "master4", "45.128.16.0/24", V4);
    }

    @Test
    void aPathThatDoesNotStartWithTheMembersAsnIsRejected() {
        awaitFiltered(bird, "master4", "45.128.10.0/24", V4);
        awaitFiltered(bird, "master4", "45.128.11.0/24", V4);
        awaitFiltered(bird, "master6", "2a0c:9a40:4::/48", V6);
    }

    @Test
    void aNextHopOtherThanTheMembersAddressIsRejected() {
        awaitFiltered(bird, "master4", "45.128.12.0/24", V4);
        awaitFiltered(bird, "master6", "2a0c:9a40:3::/48", V6);
    }

    @Test
    void aPathOf32AsnsIsAcceptedAndOf33Rejected() {
        awaitAccepted(bird, "master4", "45.128.13.0/24", V4);
        awaitFiltered(bird, "master4", "45.128.14.0/24", V4);
    }

    @Test
    void rpkiInvalidRoutesAreRejectedWhileValidAndUnknownPass() {
        awaitFiltered(bird, "master4", "45.128.1.0/24", V4);
        awaitAccepted(bird, "master4", "45.128.3.0/24", V4);
        awaitAccepted(bird, "master4", "45.128.2.0/24", V4);
        awaitFiltered(bird, "master6", "2a0c:9a40:1::/48", V6);
    }

    @Test
    void gracefulShutdownLowersLocalPreferenceToZero() {
        String shuttingDown = awaitAccepted(bird, "master4", "45.128.15.0/24", V4);
        String localPrefZero = bird.shown("bgp_local_pref") + ": 0";
        assertTrue(shuttingDown.contains(localPrefZero), shuttingDown);
        String normal = awaitAccepted(bird, "master4", "45.128.0.0/24", V4);
        assertFalse(normal.contains(localPrefZero), normal);
        assertTrue(awaitAccepted(bird, "master6", "2a0c:9a40:6::/48", V6).contains(localPrefZero));
    }
}
