package io.ztix.operator.peeringdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztix.operator.peeringdb.PeeringDbException.Kind;
import io.ztix.operator.testsupport.PeeringDbStandIn;
import io.ztix.operator.testsupport.PeeringDbStandIn.Mode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeeringDbClientTest {

    private final PeeringDbStandIn peeringDb = PeeringDbStandIn.start();

    @AfterEach
    void stop() {
        peeringDb.close();
    }

    private PeeringDbClient client(Optional<String> key) {
        return new PeeringDbClient(peeringDb.url(), Duration.ofSeconds(1), 1 << 20, () -> key, Clock.systemUTC());
    }

    @Test
    void oneCallAnswersForEveryAskedAsnAndAMissingAsnHasNoNetwork() throws Exception {
        peeringDb.net(64501, false).net(64502, true);

        Map<Long, PeeringDbNet> nets = client(Optional.empty()).nets(List.of(64503L, 64501L, 64502L));

        assertThat(nets).containsOnlyKeys(64501L, 64502L);
        assertThat(nets.get(64501L).neverViaRouteServers()).isFalse();
        assertThat(nets.get(64502L).neverViaRouteServers()).isTrue();
        assertThat(peeringDb.calls()).containsExactly(List.of(64501L, 64502L, 64503L));
        assertThat(peeringDb.authorizations()).containsExactly("");
    }

    @Test
    void theApiKeyTravelsInTheAuthorizationHeaderAndARefusedKeyIsUnauthorized() throws Exception {
        peeringDb.net(64501, false).requireKey("good-key");

        assertThat(client(Optional.of("good-key")).nets(List.of(64501L))).containsOnlyKeys(64501L);
        assertThat(peeringDb.authorizations()).containsExactly("Api-Key good-key");
        assertThatThrownBy(() -> client(Optional.of("old-key")).nets(List.of(64501L)))
                .isInstanceOfSatisfying(PeeringDbException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
                .hasMessageNotContaining("old-key");
    }

    @Test
    void a429CarriesItsRetryAfter() {
        peeringDb.mode(Mode.RATE_LIMITED);
        peeringDb.retryAfter("90");

        assertThatThrownBy(() -> client(Optional.empty()).nets(List.of(64501L)))
                .isInstanceOfSatisfying(PeeringDbException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
                });
    }

    @Test
    void aServerErrorAGarbageAnswerSilenceAndNobodyListeningAreFailuresNotAnswers() {
        peeringDb.net(64501, false);
        peeringDb.mode(Mode.SERVER_ERROR);
        assertKind(client(Optional.empty()), Kind.SERVER_ERROR);
        peeringDb.mode(Mode.GARBAGE);
        assertKind(client(Optional.empty()), Kind.GARBAGE);
        peeringDb.mode(Mode.SILENT);
        assertKind(client(Optional.empty()), Kind.TIMEOUT);
        peeringDb.close();
        assertKind(client(Optional.empty()), Kind.UNREACHABLE);
    }

    @Test
    void anAnswerWhoseEntriesLackTheFieldsIsRefusedWhole() {
        assertThatThrownBy(() -> NetAnswer.parse("{\"data\":[{\"asn\":64501}]}", java.util.Set.of(64501L)))
                .isInstanceOfSatisfying(PeeringDbException.class, e -> assertThat(e.kind()).isEqualTo(Kind.GARBAGE));
        assertThatThrownBy(() -> NetAnswer.parse("{\"data\":[{\"asn\":\"64501\",\"info_never_via_route_servers\":false}]}",
                java.util.Set.of(64501L))).isInstanceOf(PeeringDbException.class);
        assertThatThrownBy(() -> NetAnswer.parse("{\"meta\":{}}", java.util.Set.of(64501L))).isInstanceOf(PeeringDbException.class);
        assertThatThrownBy(() -> NetAnswer.parse("[]", java.util.Set.of(64501L))).isInstanceOf(PeeringDbException.class);
    }

    private static void assertKind(PeeringDbClient client, Kind kind) {
        assertThatThrownBy(() -> client.nets(List.of(64501L)))
                .isInstanceOfSatisfying(PeeringDbException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
