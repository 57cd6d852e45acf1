package io.ztix.operator.testsupport.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Proves the lab works, independently of ZT-IX code: a hand-written route-server include with
 * transparent rs-client sessions to both members and an RPKI session to StayRTR.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabSmokeTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);
    private static final Vrp A_V4 = new Vrp("198.51.100.0/24", 24, 64501);
    private static final Vrp A_V6 = new Vrp("2001:db8:a000::/48", 48, 64501);

    private static IxLab lab;
    private static long configuredAtNanos;

    @BeforeAll
    static void startLabWithHandWrittenRouteServerInclude() {
        lab = IxLab.start();
        lab.stayrtr().updateVrps(List.of(A_V4, A_V6));
        lab.routeServer().writeInclude(handWrittenInclude(lab.stayrtr()));
        lab.routeServer().configure();
        configuredAtNanos = System.nanoTime();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1) // first, so that the time it prints is the time from configure to Established
    void bothMembersReachEstablishedWithTheRouteServerOverIpv4AndIpv6() {
        lab.memberA().awaitEstablished(SESSION_TIMEOUT);
        lab.memberB().awaitEstablished(SESSION_TIMEOUT);
        System.out.printf("lab: all member sessions Established %d ms after birdc configure%n",
                Duration.ofNanos(System.nanoTime() - configuredAtNanos).toMillis());

        for (String session : List.of("a_v4", "a_v6", "b_v4", "b_v6")) {
            assertThat(lab.routeServer().protocol(session).isEstablished()).as(session).isTrue();
        }
        assertThat(lab.memberA().protocolState(MemberRouter.SESSION_V4)).isEqualTo("up");
    }

    @Test
    void prefixesOfMemberAReachMemberBWithANextHopAndWithoutTheRouteServerAsn() {
        lab.memberA().announce(List.of(Announcement.of("198.51.100.0/24"), Announcement.of("2001:db8:a000::/48")));

        BirdRoute v4 = awaitRouteAtB("198.51.100.0/24");
        BirdRoute v6 = awaitRouteAtB("2001:db8:a000::/48");

        assertThat(v4.bgpNextHop()).isEqualTo(LanPeer.MEMBER_A.ipv4());
        assertThat(v4.via()).isEqualTo(LanPeer.MEMBER_A.ipv4());
        assertThat(v4.asPath()).containsExactly(64501L);
        assertThat(v6.bgpNextHop()).isEqualTo(LanPeer.MEMBER_A.ipv6());
        assertThat(v6.asPath()).containsExactly(64501L);
    }

    @Test
    void exportFilterAttributesOfMemberAArriveAtMemberB() {
        lab.memberA().announce(List.of(Announcement.of("198.51.100.0/25")
                .withPrepend(64501, 64501)
                .withCommunities("64501:100")
                .withLargeCommunities("64500:0:64502")));

        BirdRoute route = Wait.value("B receives 198.51.100.0/25 prepended", ROUTE_TIMEOUT,
                () -> lab.memberB().receivedRoute("198.51.100.0/25").filter(r -> r.asPath().size() == 3));

        assertThat(route.asPath()).containsExactly(64501L, 64501L, 64501L);
        assertThat(route.communities()).containsExactly("64501:100");
        assertThat(route.largeCommunities()).containsExactly("64500:0:64502");
    }

    @Test
    void wrongNextHopSetByMemberAReachesTheRouteServerAsSent() {
        String wrong = "203.0.113.99";
        lab.memberA().announce(List.of(Announcement.of("198.51.100.128/25").withNextHop(wrong)));

        BirdRoute atRouteServer = Wait.value("the route server receives 198.51.100.128/25", ROUTE_TIMEOUT,
                () -> lab.routeServer().routes("master4").stream()
                        .filter(r -> r.prefix().equals("198.51.100.128/25")).findFirst());

        assertThat(atRouteServer.fromProtocol()).isEqualTo("a_v4");
        assertThat(atRouteServer.bgpNextHop()).isEqualTo(wrong);
    }

    @Test
    void routeServerRpkiSessionFillsItsRoaTablesFromStayrtr() {
        Wait.until("the RPKI session is Established", SESSION_TIMEOUT,
                () -> lab.routeServer().protocol("rpki_lab").isEstablished());
        Wait.until("the ROA tables hold the VRP file", ROUTE_TIMEOUT,
                () -> lab.routeServer().routeCount("r4") == 1 && lab.routeServer().routeCount("r6") == 1);

        assertThat(lab.routeServer().roaEntries("r4")).containsExactly(A_V4.asBirdRoaEntry());
        assertThat(lab.routeServer().roaEntries("r6")).containsExactly(A_V6.asBirdRoaEntry());
    }

    @Test
    void changedVrpsReachTheRouteServerRoaTables() {
        Vrp added = new Vrp("198.51.100.0/24", 25, 64502);
        lab.stayrtr().updateVrps(List.of(A_V4, added, A_V6));
        Duration pickedUp = Wait.until("the route server's r4 holds " + added.asBirdRoaEntry(), ROUTE_TIMEOUT,
                () -> lab.routeServer().roaEntries("r4").contains(added.asBirdRoaEntry()));
        System.out.printf("lab: changed VRP file reached BIRD's ROA table after %d ms%n", pickedUp.toMillis());

        lab.stayrtr().updateVrps(List.of(added));
        Wait.until("the route server's ROA tables hold only " + added.asBirdRoaEntry(), ROUTE_TIMEOUT,
                () -> lab.routeServer().roaEntries("r4").equals(List.of(added.asBirdRoaEntry()))
                        && lab.routeServer().routeCount("r6") == 0);

        lab.stayrtr().updateVrps(List.of(A_V4, A_V6));
        Wait.until("the route server's ROA tables are restored", ROUTE_TIMEOUT,
                () -> lab.routeServer().roaEntries("r4").equals(List.of(A_V4.asBirdRoaEntry()))
                        && lab.routeServer().routeCount("r6") == 1);
    }

    @Test
    void includeThatBirdCannotParseIsRejectedAndTheSessionsStayUp() {
        lab.memberA().awaitEstablished(SESSION_TIMEOUT);
        String goodInclude = handWrittenInclude(lab.stayrtr());
        lab.routeServer().writeInclude(goodInclude + "protocol bgp broken { neighbor nowhere; }\n");
        try {
            assertThatThrownBy(() -> lab.routeServer().configure())
                    .hasMessageContaining("rejected its configuration")
                    .hasMessageContaining(RouteServerHost.INCLUDE_FILE_NAME);
            assertThat(lab.routeServer().protocol("a_v4").isEstablished()).isTrue();
        } finally {
            lab.routeServer().writeInclude(goodInclude);
            lab.routeServer().configure();
        }
    }

    private static BirdRoute awaitRouteAtB(String prefix) {
        return Wait.value("member B receives " + prefix, ROUTE_TIMEOUT, () -> lab.memberB().receivedRoute(prefix));
    }

    private static String handWrittenInclude(Stayrtr rtr) {
        return """
                roa4 table r4;
                roa6 table r6;

                protocol rpki rpki_lab {
                  roa4 { table r4; };
                  roa6 { table r6; };
                  remote %s port %d;
                  retry keep 2; refresh keep 5; expire keep 600;
                }

                template bgp rs_client {
                  local as 64500;
                  rs client;
                  hold time 9; keepalive time 3; connect retry time 2;
                  start delay time 1; error wait time 1, 5;
                }

                protocol bgp a_v4 from rs_client {
                  local 203.0.113.1; neighbor 203.0.113.11 as 64501;
                  ipv4 { import all; export all; };
                }
                protocol bgp a_v6 from rs_client {
                  local 2001:db8:ff::1; neighbor 2001:db8:ff:0:6:4501:0:1 as 64501;
                  ipv6 { import all; export all; };
                }
                protocol bgp b_v4 from rs_client {
                  local 203.0.113.1; neighbor 203.0.113.12 as 64502;
                  ipv4 { import all; export all; };
                }
                protocol bgp b_v6 from rs_client {
                  local 2001:db8:ff::1; neighbor 2001:db8:ff:0:6:4502:0:1 as 64502;
                  ipv6 { import all; export all; };
                }
                """.formatted(rtr.host(), rtr.port());
    }
}
