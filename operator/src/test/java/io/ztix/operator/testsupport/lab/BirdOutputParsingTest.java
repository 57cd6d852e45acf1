package io.ztix.operator.testsupport.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of birdc output, on text captured from BIRD 2.0.12 in the lab and from BIRD 3.1.8. */
class BirdOutputParsingTest {

    private static final String SHOW_ROUTE_ALL = """
            BIRD 2.0.12 ready.
            Table master6:
            2001:db8:a000::/48   unicast [rs_v6 17:37:55.092 from 2001:db8:ff::1] * (100) [AS64501i]
            \tvia 2001:db8:ff:0:6:4501:0:1 on lan0
            \tType: BGP univ
            \tBGP.origin: IGP
            \tBGP.as_path: 64501 64501
            \tBGP.next_hop: 2001:db8:ff:0:6:4501:0:1 fe80::64f6:6aff:fe8b:69e8
            \tBGP.local_pref: 100
            \tBGP.community: (64501,100) (65535,0)
            \tBGP.large_community: (64500, 0, 64502) (64500, 1, 64502)
                                 unicast [rs_v6b 17:37:56.000 from 2001:db8:ff::2] (100) [AS64502i]
            \tvia 2001:db8:ff:0:6:4502:0:1 on lan0
            \tType: BGP univ
            \tBGP.as_path: 64502
            \tBGP.next_hop: 2001:db8:ff:0:6:4502:0:1
            2001:db8:b000::/48   unicast [rs_v6 17:37:55.092 from 2001:db8:ff::1] * (100) [AS64502i]
            \tvia 2001:db8:ff:0:6:4502:0:1 on lan0
            \tType: BGP univ
            \tBGP.as_path:
            """;

    /** BIRD 3 names BGP attributes by their filter names and prints more route details. */
    private static final String BIRD3_SHOW_ROUTE_ALL = """
            BIRD 3.1.8 ready.
            Table master6:
            2a0c:9a40:50::/48    unicast [m_as64501_0a1b2c3d4e_v6 12:01:45.504] * (100) [AS3333i]
            \tvia 2001:db8::11 on zrsab12e9
            \tpreference: 100
            \tigp_metric: 0
            \tfrom: 2001:db8::11
            \tsource: BGP
            \tbgp_origin: IGP
            \tbgp_path: 64501 3333
            \tbgp_next_hop: 2001:db8::11 fe80::a443:f5ff:fe26:2e7f
            \tbgp_local_pref: 100
            \tbgp_community: (64501,100)
            \tbgp_large_community: (64500, 1002, 1)
            \tInternal route handling values: 0L 6G 0S id 1
            """;

    private static final String SHOW_PROTOCOLS = """
            BIRD 2.0.12 ready.
            Name       Proto      Table      State  Since         Info
            device1    Device     ---        up     17:37:53.570  
            rpki_lab   RPKI       ---        up     17:37:54.411  Established
            a_v4       BGP        ---        up     17:37:54.693  Established   
            b_v6       BGP        ---        start  17:37:54.978  Active        Socket: Connection refused
            """;

    @Test
    void routeAttributesArePickedFromShowRouteAll() {
        BirdRoute route = BirdRoute.parseAll(SHOW_ROUTE_ALL).get(0);

        assertThat(route.prefix()).isEqualTo("2001:db8:a000::/48");
        assertThat(route.fromProtocol()).isEqualTo("rs_v6");
        assertThat(route.via()).isEqualTo("2001:db8:ff:0:6:4501:0:1");
        assertThat(route.bgpNextHop()).isEqualTo("2001:db8:ff:0:6:4501:0:1");
        assertThat(route.asPath()).containsExactly(64501L, 64501L);
        assertThat(route.firstAs()).isEqualTo(64501L);
        assertThat(route.communities()).containsExactly("64501:100", "65535:0");
        assertThat(route.largeCommunities()).containsExactly("64500:0:64502", "64500:1:64502");
        assertThat(route.attributes()).containsEntry("BGP.origin", "IGP");
    }

    @Test
    void bird3RouteAttributesAreReadUnderTheirFilterNames() {
        BirdRoute route = BirdRoute.parseAll(BIRD3_SHOW_ROUTE_ALL).get(0);

        assertThat(route.prefix()).isEqualTo("2a0c:9a40:50::/48");
        assertThat(route.fromProtocol()).isEqualTo("m_as64501_0a1b2c3d4e_v6");
        assertThat(route.via()).isEqualTo("2001:db8::11");
        assertThat(route.bgpNextHop()).isEqualTo("2001:db8::11");
        assertThat(route.asPath()).containsExactly(64501L, 3333L);
        assertThat(route.communities()).containsExactly("64501:100");
        assertThat(route.largeCommunities()).containsExactly("64500:1002:1");
    }

    @Test
    void secondRouteForTheSamePrefixKeepsThePrefix() {
        List<BirdRoute> routes = BirdRoute.parseAll(SHOW_ROUTE_ALL);

        assertThat(routes).extracting(BirdRoute::prefix)
                .containsExactly("2001:db8:a000::/48", "2001:db8:a000::/48", "2001:db8:b000::/48");
        assertThat(routes.get(1).fromProtocol()).isEqualTo("rs_v6b");
        assertThat(routes.get(1).firstAs()).isEqualTo(64502L);
    }

    @Test
    void emptyAsPathHasNoFirstAs() {
        BirdRoute route = BirdRoute.parseAll(SHOW_ROUTE_ALL).get(2);

        assertThat(route.asPath()).isEmpty();
        assertThat(route.firstAs()).isEqualTo(-1L);
    }

    @Test
    void garbageInRouteOutputIsRejected() {
        assertThatThrownBy(() -> BirdRoute.parseAll("BIRD 2.0.12 ready.\n\tBGP.as_path: 1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before any route");
    }

    @Test
    void protocolLinesGiveStateAndInfo() {
        List<BirdProtocol> protocols = BirdProtocol.parseAll(SHOW_PROTOCOLS);

        assertThat(protocols).extracting(BirdProtocol::name).containsExactly("device1", "rpki_lab", "a_v4", "b_v6");
        assertThat(protocols.get(1).isEstablished()).isTrue();
        assertThat(protocols.get(2).isEstablished()).isTrue();
        assertThat(protocols.get(3).state()).isEqualTo("start");
        assertThat(protocols.get(3).info()).isEqualTo("Active        Socket: Connection refused");
        assertThat(protocols.get(3).isEstablished()).isFalse();
        assertThat(protocols.get(0).info()).isEmpty();
    }
}
