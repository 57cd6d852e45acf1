package io.ztix.operator.bird;

import static io.ztix.operator.bird.PolicyFixture.A;
import static io.ztix.operator.bird.PolicyFixture.A_V4;
import static io.ztix.operator.bird.PolicyFixture.B;
import static io.ztix.operator.bird.PolicyFixture.C;
import static io.ztix.operator.bird.PolicyFixture.D;
import static io.ztix.operator.bird.PolicyFixture.RS_ASN;
import static io.ztix.operator.bird.PolicyFixture.TRANSIT;
import static io.ztix.operator.bird.PolicyFixture.awaitAccepted;
import static io.ztix.operator.bird.TestRoutes.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.BirdInstallation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Member A announces routes tagged with announcement-control communities; pipes apply the real export
 * filters of members B, C and D (D has a 32-bit ASN) into one table per receiving member, so the tables
 * show who would receive which route and with which communities. Runs on every BIRD line under test.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")
class BirdAnnouncementControlTest {

    /** Which BIRD this invocation runs (the arguments also reach the static start method). */
    @Parameter
    BirdInstallation installation;

    private static final String FROM_A = "from_a_v4";
    private static final Map<Long, String> TABLE_OF = Map.of(B, "to_b", C, "to_c", D, "to_d");

    private static BirdDaemon bird;

    @BeforeParameterizedClassInvocation
    static void startBirdWithTaggedRoutes(BirdInstallation installation) {
        String include = new BirdConfigRenderer().render(PolicyFixture.routeServer(), installation.birdVersion());
        StringBuilder test = new StringBuilder(TestRoutes.through(FROM_A, "ipv4", PolicyFixture.importFilter(A, "ipv4"))
                .route("45.128.20.0/24", A_V4, path(A), "bgp_community.add((" + TRANSIT + ", 7))",
                        "bgp_large_community.add((" + TRANSIT + ", 7, 7))")
                .route("45.128.21.0/24", A_V4, path(A), lc(RS_ASN, 0, B), "bgp_community.add((" + TRANSIT + ", 7))",
                        "bgp_large_community.add((" + TRANSIT + ", 7, 7))")
                .route("45.128.22.0/24", A_V4, path(A), c(0, B))
                .route("45.128.23.0/24", A_V4, path(A), lc(RS_ASN, 1, C))
                .route("45.128.24.0/24", A_V4, path(A), c(RS_ASN, C))
                .route("45.128.25.0/24", A_V4, path(A), lc(RS_ASN, 0, 0))
                .route("45.128.26.0/24", A_V4, path(A), c(0, RS_ASN))
                .route("45.128.27.0/24", A_V4, path(A), lc(RS_ASN, 0, 0), lc(RS_ASN, 1, D))
                .route("45.128.28.0/24", A_V4, path(A), lc(RS_ASN, 0, D))
                .route("45.128.29.0/24", A_V4, path(A), c(0, RS_ASN), c(RS_ASN, B))
                .render());
        for (Map.Entry<Long, String> peer : TABLE_OF.entrySet()) {
            test.append("ipv4 table ").append(peer.getValue()).append(";\n")
                    .append("protocol pipe pipe_").append(peer.getValue()).append(" {\n")
                    .append("  table master4;\n  peer table ").append(peer.getValue()).append(";\n")
                    .append("  import none;\n  export filter ").append(PolicyFixture.exportFilter(peer.getKey(), "ipv4"))
                    .append(";\n}\n\n");
        }
        bird = BirdDaemon.start(installation, include, test.toString());
        for (int route = 20; route <= 29; route++) {
            awaitAccepted(bird, "master4", "45.128." + route + ".0/24", FROM_A);
        }
        awaitAccepted(bird, "to_b", "45.128.20.0/24", FROM_A);
    }

    @AfterParameterizedClassInvocation
    static void stopBird() {
        if (bird != null) {
            bird.close();
            bird = null;
        }
    }

    @Test
    void anUntaggedRouteIsAnnouncedToEveryMember() {
        assertReceivers("45.128.20.0/24", B, C, D);
    }

    @Test
    void largeCommunityRs0PeerHidesTheRouteFromThatPeerOnly() {
        assertReceivers("45.128.21.0/24", C, D);
        assertReceivers("45.128.28.0/24", B, C);
    }

    @Test
    void standardCommunity0PeerHidesTheRouteFromThatPeerOnly() {
        assertReceivers("45.128.22.0/24", C, D);
    }

    @Test
    void largeCommunityRs1PeerAnnouncesOnlyToThatPeer() {
        assertReceivers("45.128.23.0/24", C);
    }

    @Test
    void standardCommunityRsPeerAnnouncesOnlyToThatPeer() {
        assertReceivers("45.128.24.0/24", C);
    }

    @Test
    void largeCommunityRs00AndStandard0RsAnnounceToNobody() {
        assertReceivers("45.128.25.0/24");
        assertReceivers("45.128.26.0/24");
    }

    @Test
    void announceToNobodyCombinedWithAnnounceToPeerReachesOnlyThatPeer() {
        assertReceivers("45.128.27.0/24", D);
        assertReceivers("45.128.29.0/24", B);
    }

    @Test
    void controlCommunitiesAreStrippedWhileOtherCommunitiesPass() {
        String atC = awaitAccepted(bird, "to_c", "45.128.21.0/24", FROM_A);
        assertFalse(atC.contains("(" + RS_ASN + ", 0, " + B + ")"), atC);
        assertTrue(atC.contains("(" + TRANSIT + ",7)"), atC);
        assertTrue(atC.contains("(" + TRANSIT + ", 7, 7)"), atC);
        String atCStandard = awaitAccepted(bird, "to_c", "45.128.24.0/24", FROM_A);
        assertFalse(atCStandard.contains("(" + RS_ASN + "," + C + ")"), atCStandard);
        String inMaster = awaitAccepted(bird, "master4", "45.128.24.0/24", FROM_A);
        assertTrue(inMaster.contains("(" + RS_ASN + "," + C + ")"), "the route server keeps them itself: " + inMaster);
    }

    private static void assertReceivers(String prefix, Long... expected) {
        for (Long peer : expected) {
            awaitAccepted(bird, TABLE_OF.get(peer), prefix, FROM_A);
        }
        Set<Long> receivers = new TreeSet<>();
        for (Map.Entry<Long, String> peer : TABLE_OF.entrySet()) {
            if (PolicyFixture.tableHas(bird, peer.getValue(), prefix)) {
                receivers.add(peer.getKey());
            }
        }
        assertEquals(new TreeSet<>(List.of(expected)), receivers, prefix + " reaches exactly these members");
    }

    private static String lc(long global, long first, long second) {
        return "bgp_large_community.add((" + global + ", " + first + ", " + second + "))";
    }

    private static String c(long high, long low) {
        return "bgp_community.add((" + high + ", " + low + "))";
    }
}
