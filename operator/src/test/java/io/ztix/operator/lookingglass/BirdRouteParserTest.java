package io.ztix.operator.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code birdc show route ... all} as BIRD 2.0.12 and 3.1.8 print it (captured from real daemons). */
class BirdRouteParserTest {

    private static final String BIRD_2 = """
            BIRD 2.0.12 ready.
            Table master4:
            45.128.10.0/24       unicast [m_as64501_aaaa000001_v4 17:48:35.482 from 203.0.113.11] * (100) [AS64501i]
            \tvia 203.0.113.11 on lan0
            \tType: BGP univ
            \tBGP.origin: IGP
            \tBGP.as_path: 64501 64510
            \tBGP.next_hop: 203.0.113.11
            \tBGP.local_pref: 100
            \tBGP.community: (64501,100) (65535,666)
            \tBGP.large_community: (64501, 1, 2) (64500, 1000, 2)
                                 unicast [m_as64502_bbbb000002_v4 2026-12-01 17:48:40 from 203.0.113.12] (100) [AS64510i]
            \tvia 203.0.113.12 on lan0
            \tType: BGP univ
            \tBGP.origin: IGP
            \tBGP.as_path: 64502 64510
            \tBGP.next_hop: 203.0.113.12
            \tBGP.local_pref: 100
            """;

    private static final String BIRD_3 = """
            BIRD 3.1.8 ready.
            Table master4:
            45.128.12.0/25       unreachable [m_as64501_aaaa000001_v4 17:48:48.287 from 127.0.0.1] * (100) [AS64501i]
            \thostentry: via 127.0.0.1 table master4
            \tpreference: 100
            \tigp_metric: 0
            \tfrom: 127.0.0.1
            \tsource: BGP
            \tbgp_origin: IGP
            \tbgp_path: 64501
            \tbgp_next_hop: 127.0.0.1
            \tbgp_local_pref: 100
            \tbgp_large_community: (64500, 1000, 2) (64500, 1101, 1)
            \tInternal route handling values: 0L 3G 0S id 2
            """;

    @Test
    void bird2RoutesWithAnAlternativeForTheSameNetworkKeepEveryAttribute() {
        List<Route> routes = BirdRouteParser.parse(BIRD_2);

        assertThat(routes).hasSize(2);
        Route best = routes.get(0);
        assertThat(best.network()).isEqualTo("45.128.10.0/24");
        assertThat(best.fromProtocol()).isEqualTo("m_as64501_aaaa000001_v4");
        assertThat(best.gateway()).isEqualTo("203.0.113.11");
        assertThat(best.primary()).isTrue();
        assertThat(best.age()).isEqualTo("17:48:35.482");
        assertThat(best.metric()).isEqualTo(100);
        assertThat(best.bgp().asPath()).containsExactly("64501", "64510");
        assertThat(best.bgp().nextHop()).isEqualTo("203.0.113.11");
        assertThat(best.bgp().communities()).containsExactly(List.of(64501L, 100L), List.of(65535L, 666L));
        assertThat(best.bgp().largeCommunities()).containsExactly(List.of(64501L, 1L, 2L), List.of(64500L, 1000L, 2L));
        Route alternative = routes.get(1);
        assertThat(alternative.network()).isEqualTo("45.128.10.0/24");
        assertThat(alternative.fromProtocol()).isEqualTo("m_as64502_bbbb000002_v4");
        assertThat(alternative.primary()).isFalse();
        assertThat(alternative.age()).isEqualTo("2026-12-01 17:48:40");
        assertThat(alternative.bgp().communities()).isEmpty();
    }

    @Test
    void bird3NamesTheAttributesAsFiltersDo() {
        Route route = BirdRouteParser.parse(BIRD_3).get(0);

        assertThat(route.network()).isEqualTo("45.128.12.0/25");
        assertThat(route.gateway()).isEqualTo("127.0.0.1");
        assertThat(route.bgp().origin()).isEqualTo("IGP");
        assertThat(route.bgp().asPath()).containsExactly("64501");
        assertThat(route.bgp().localPref()).isEqualTo("100");
        assertThat(route.bgp().largeCommunities()).containsExactly(List.of(64500L, 1000L, 2L), List.of(64500L, 1101L, 1L));
    }

    @Test
    void noRoutesAndNetworkNotFoundAreEmptyAnswers() {
        assertThat(BirdRouteParser.parse("BIRD 2.0.12 ready.\n")).isEmpty();
        assertThat(BirdRouteParser.parse("BIRD 2.0.12 ready.\nNetwork not found\n")).isEmpty();
    }

    @Test
    void anAnswerThatIsNotBirdcsIsRefused() {
        assertThatThrownBy(() -> BirdRouteParser.parse("Unable to connect to server control socket (/run/bird/bird.ctl)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BirdRouteParser.parse("BIRD 2.0.12 ready.\nsyntax error, unexpected CF_SYM_UNDEFINED\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syntax error");
    }

    @Test
    void reasonsAndRpkiStateAreReadFromTheRouteServersOwnCommunitiesOnly() {
        Route filtered = RouteReasons.annotate(BirdRouteParser.parse(BIRD_3).get(0), 64500, true);
        Route fromAnotherAsn = RouteReasons.annotate(BirdRouteParser.parse(BIRD_3).get(0), 64999, true);

        assertThat(filtered.filtered()).isTrue();
        assertThat(filtered.rpki()).isEqualTo("unknown");
        assertThat(filtered.rejectReasons()).extracting(Route.Reason::code).containsExactly("PREFIX_TOO_LONG");
        assertThat(filtered.rejectReasons().get(0).community()).containsExactly(64500L, 1101L, 1L);
        assertThat(fromAnotherAsn.rejectReasons()).isEmpty();
        assertThat(fromAnotherAsn.rpki()).isNull();
    }
}
