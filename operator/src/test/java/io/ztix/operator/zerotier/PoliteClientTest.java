package io.ztix.operator.zerotier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ztix.api.network.ControllerSpec.Provider;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's controller client against a fake that has a zerotier-one controller's 8 HTTP workers and
 * 5-second keep-alive: a burst never stalls it, a 429's Retry-After holds every caller.
 */
class PoliteClientTest {

    private static final String TOKEN = "polite-token-1";
    private final SelfHostedFake fake = SelfHostedFake.started("c0ffee0001", TOKEN);
    private final ExecutorService threads = Executors.newFixedThreadPool(40);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        fake.close();
    }

    @Test
    void theFakeStallsAClientThatLeavesNineIdleConnectionsBehind() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 9; i++) {
            HttpClient oneShot = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> answer = oneShot.send(HttpRequest.newBuilder(URI.create(fake.url() + "/status"))
                    .header("X-ZT1-Auth", TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }

        assertThat(fake.workerStalls()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(3));
    }

    @Test
    void fortyParallelCallsUseAtMostFourConnectionsAndNeverStallTheController() throws Exception {
        ZeroTierControllers controllers = new ZeroTierControllers(Timeouts.DEFAULT, 4);
        ZeroTierController controller = controllers.forNetwork(Provider.SelfHosted, fake.url(), null, () -> TOKEN);
        String networkId = controller.createNetwork(null, NetworkSettings.forPeeringLan("polite", "2001:db8:ff::/64", null, 1500)).id();

        List<Future<Optional<Member>>> calls = IntStream.range(0, 40).mapToObj(i -> threads.submit(() ->
                controller.getMember(networkId, String.format("%010x", 0xaa00000000L + i)))).toList();
        for (Future<Optional<Member>> call : calls) {
            call.get();
        }

        assertThat(fake.workerStalls()).isZero();
        assertThat(fake.peakWorkersHeld()).isLessThanOrEqualTo(4);
        assertThat(controllers.gate(fake.url()).inFlight()).isZero();
    }

    @Test
    void afterA429WithRetryAfterNoCallerSendsAnythingUntilTheWaitIsOver() throws Exception {
        ZeroTierControllers controllers = new ZeroTierControllers(Timeouts.DEFAULT, 4);
        ZeroTierController controller = controllers.forNetwork(Provider.SelfHosted, fake.url(), null, () -> TOKEN);
        fake.failNext(429, Map.of("Retry-After", "2"));

        ZeroTierException limited = assertThrows(ZeroTierException.class, controller::status);
        int sent = fake.requestCount();
        ZeroTierException held = assertThrows(ZeroTierException.class,
                () -> controllers.forNetwork(Provider.SelfHosted, fake.url(), null, () -> TOKEN).status());

        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(held.isTransient()).isTrue();
        assertThat(held.getMessage()).contains("not sent").contains("429");
        assertThat(held.retryAfter().orElseThrow()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(fake.requestCount()).isEqualTo(sent);
        Thread.sleep(2100);
        assertThat(controller.status().databaseReady()).isTrue();
    }

    @Test
    void aRefusedCachedTokenIsReadAgainAndTheRequestRepeatedOnceWithTheNewOne() {
        String[] secret = {"old-token"};
        int[] reads = {0};
        TokenSource cached = new TokenSource() {
            String kept;

            @Override
            public String get() {
                if (kept == null) {
                    reads[0]++;
                    kept = secret[0];
                }
                return kept;
            }

            @Override
            public void refused(String token) {
                if (token.equals(kept)) {
                    kept = null;
                }
            }
        };
        ZeroTierController controller = new ZeroTierControllers(Timeouts.DEFAULT).forNetwork(Provider.SelfHosted,
                fake.url(), null, cached);
        fake.setToken("old-token");
        controller.status();
        fake.setToken("new-token");
        secret[0] = "new-token";

        assertThat(controller.status().databaseReady()).isTrue();
        assertThat(reads[0]).isEqualTo(2);
        fake.setToken("newer-token"); // the Secret was not updated: refused, and said so
        assertThat(assertThrows(ZeroTierException.class, controller::status).kind()).isEqualTo(ZeroTierException.Kind.BAD_TOKEN);
    }
}
