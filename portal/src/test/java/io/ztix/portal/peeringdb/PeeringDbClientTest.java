package io.ztix.portal.peeringdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PeeringDB REST client against a small local HTTP server that answers like PeeringDB. */
class PeeringDbClientTest {

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    volatile int status = 200;
    volatile String retryAfter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/net", ex -> {
            calls.incrementAndGet();
            lastAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            String asn = ex.getRequestURI().getQuery().replace("asn=", "");
            byte[] body = ("{\"meta\":{},\"data\":[" + ("64500".equals(asn)
                    ? "{\"asn\":64500,\"name\":\"Doc Net\",\"irr_as_set\":\" AS-DOC \",\"info_prefixes4\":12,"
                            + "\"info_prefixes6\":0,\"info_never_via_route_servers\":true,\"policy_general\":\"Open\"}"
                    : "") + "]}").getBytes(StandardCharsets.UTF_8);
            if (retryAfter != null) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
            }
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PeeringDbClient client(Duration ttl, int perMinute, String apiKey) {
        PeeringDbClient client = new PeeringDbClient();
        client.mapper = new ObjectMapper();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
        client.config = new PeeringDbConfig() {
            public String apiUrl() { return url; }
            public Optional<String> apiKey() { return Optional.ofNullable(apiKey); }
            public Duration cacheTtl() { return ttl; }
            public int requestsPerMinute() { return perMinute; }
            public Duration timeout() { return Duration.ofSeconds(5); }
        };
        return client;
    }

    @Test
    void readsTheFieldsRouteServerPolicyNeedsAndSendsTheApiKey() {
        NetworkFacts facts = client(Duration.ofHours(1), 20, "k3y").network(64500).orElseThrow();
        assertThat(facts.name()).isEqualTo("Doc Net");
        assertThat(facts.irrAsSet()).isEqualTo("AS-DOC");
        assertThat(facts.infoPrefixes4()).isEqualTo(12L);
        assertThat(facts.infoPrefixes6()).as("0 means unknown").isNull();
        assertThat(facts.neverViaRouteServers()).isTrue();
        assertThat(lastAuthorization.get()).isEqualTo("Api-Key k3y");
    }

    @Test
    void anAsnPeeringDbDoesNotKnowIsEmptyAndNoKeyMeansNoHeader() {
        assertThat(client(Duration.ofHours(1), 20, null).network(64999)).isEmpty();
        assertThat(lastAuthorization.get()).isNull();
    }

    @Test
    void answersAreCachedForTheTtl() {
        PeeringDbClient client = client(Duration.ofHours(1), 20, null);
        client.network(64500);
        client.network(64500);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void theCallBudgetPerMinuteIsNeverExceeded() {
        PeeringDbClient client = client(Duration.ZERO, 2, null);
        client.network(64500);
        client.network(64500);
        assertThatThrownBy(() -> client.network(64501)).isInstanceOf(PeeringDbUnavailable.class)
                .hasMessageContaining("per minute");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void rateLimitAnswerMakesTheClientWaitAndServeStaleAnswersMeanwhile() {
        PeeringDbClient client = client(Duration.ZERO, 20, null);
        assertThat(client.network(64500)).isPresent();
        status = 429;
        retryAfter = "120";
        assertThat(client.network(64500)).as("stale answer while rate limited").isPresent();
        assertThatThrownBy(() -> client.network(64501)).isInstanceOf(PeeringDbUnavailable.class)
                .hasMessageContaining("wait");
        assertThat(calls.get()).as("no call during the back-off").isEqualTo(2);
    }

    @Test
    void anErrorWithoutACachedAnswerIsReported() {
        status = 502;
        assertThatThrownBy(() -> client(Duration.ofHours(1), 20, null).network(64500))
                .isInstanceOf(PeeringDbUnavailable.class).hasMessageContaining("HTTP 502");
    }
}
