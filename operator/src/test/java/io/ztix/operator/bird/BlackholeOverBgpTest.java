package io.ztix.operator.bird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztix.operator.irr.IrrPrefix;
import io.ztix.operator.testsupport.lab.Announcement;
import io.ztix.operator.testsupport.lab.BirdRoute;
import io.ztix.operator.testsupport.lab.IxLab;
import io.ztix.operator.testsupport.lab.LanPeer;
import io.ztix.operator.testsupport.lab.Vrp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7999 blackholing over real BGP sessions: the rendered route server (IRR lists for both members, blackholing on)
 * runs in the lab's namespaces with members A and B on a bridged peering LAN. A announces host routes tagged BLACKHOLE
 * of its own registered space and of B's. Where B accepts blackhole routes (its JoinRequest's
 * spec.routing.acceptBlackholes) it receives A's own with the IX's blackhole next hop and NO_EXPORT; where it does not,
 * it receives none, but still A's other routes; it never receives the blackhole of B's space nor a host route without
 * BLACKHOLE. (With the operator in the loop the lab's documentation ASNs would get no IRR lists: bgpq4 drops
 * private-range origins, as it should for real members.)
 */
class BlackholeOverBgpTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BLACKHOLE_V4 = "203.0.113.66";
    private static final String A_SPACE = "45.128.10.0/24";
    private static final String A_HOST = "45.128.10.7/32";
    private static final String A_HOST_PLAIN = "45.128.10.8/32";
    private static final String B_HOST = "45.128.20.9/32";

    private static IxLab lab;

    @BeforeAll
    static void startLab() {
        lab = IxLab.start();
        lab.stayrtr().updateVrps(List.of(new Vrp(A_SPACE, 24, LanPeer.MEMBER_A.asn())));
        configureRouteServer(false);
        lab.memberA().awaitEstablished(WAIT);
        lab.memberB().awaitEstablished(WAIT);
        await().atMost(WAIT).until(() -> lab.routeServer().routeCount("ztix_roa4") == 1);
        lab.memberA().announce(List.of(Announcement.of(A_SPACE), Announcement.of(A_HOST).withCommunities("65535:666"),
                Announcement.of(A_HOST_PLAIN), Announcement.of(B_HOST).withCommunities("65535:666")));
    }

    /** The route server with blackholing on, B accepting blackhole routes or not. */
    private static void configureRouteServer(boolean bAcceptsBlackholes) {
        LanPeer rs = LanPeer.ROUTE_SERVER;
        Member a = member("a", LanPeer.MEMBER_A, "aaaa000001", new IrrPrefix("45.128.10.0", 24, 24, 24));
        Member b = member("b", LanPeer.MEMBER_B, "bbbb000002", new IrrPrefix("45.128.20.0", 24, 24, 24))
                .withBlackholes(bAcceptsBlackholes);
        RouteServerConfig config = new RouteServerConfig(rs.asn(), rs.routerId(), rs.ipv4(), rs.ipv6(),
                List.of(new RtrEndpoint(lab.stayrtr().host(), lab.stayrtr().port())),
                Policy.defaults().withBlackholing(new Blackholing(BLACKHOLE_V4, "2001:db8:ff::66")), List.of(a, b));
        lab.routeServer().writeInclude(new BirdConfigRenderer().render(config, lab.routeServer().installation().birdVersion()));
        lab.routeServer().configure();
    }

    private static Member member(String name, LanPeer peer, String node, IrrPrefix registered) {
        return new Member(name, peer.asn(), "Member " + name, null, node, peer.ipv6(), peer.ipv4(), null, null)
                .withIrr(new IrrFilter(List.of(peer.asn()), List.of(registered), List.of()));
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @ParameterizedTest(name = "B accepts blackholes: {0}")
    @ValueSource(booleans = {true, false, true})
    void aMembersBlackholeOfItsOwnSpaceReachesOnlyTheMembersThatAcceptThemPointedAtTheBlackholeAndNothingElseDoes(
            boolean bAccepts) {
        configureRouteServer(bAccepts);

        BirdRoute ordinary = await().atMost(WAIT).until(() -> lab.memberB().receivedRoute(A_SPACE), Optional::isPresent).get();
        assertThat(ordinary.bgpNextHop()).as("A's other routes keep A as next hop").isEqualTo(LanPeer.MEMBER_A.ipv4());
        if (bAccepts) {
            BirdRoute blackhole = await().atMost(WAIT).until(() -> lab.memberB().receivedRoute(A_HOST), Optional::isPresent).get();
            assertThat(blackhole.bgpNextHop()).as("the IX's blackhole address").isEqualTo(BLACKHOLE_V4);
            assertThat(blackhole.communities()).contains("65535:666", "65535:65281");
        } else {
            // the route server holds A's blackhole (accepted from A); B's export filter is what keeps it from B
            await().atMost(WAIT).until(() -> lab.routeServer().routes("master4").stream()
                    .anyMatch(r -> r.prefix().equals(A_HOST)));
            await().atMost(WAIT).until(() -> lab.memberB().receivedRoute(A_HOST).isEmpty());
        }
        assertThat(lab.memberB().receivedRoute(A_HOST_PLAIN)).as("a host route without BLACKHOLE").isEmpty();
        assertThat(lab.memberB().receivedRoute(B_HOST)).as("A's blackhole of B's space").isEmpty();
    }
}
