package io.ztix.operator.joinrequest;

import static io.ztix.operator.testsupport.Fixtures.approved;
import static io.ztix.operator.testsupport.Fixtures.peeringDbUser;
import static io.ztix.operator.testsupport.Fixtures.request;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.RecordedRequest;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A controller that answers 429 with Retry-After is asked again only after that time, by the network reconciler
 * and by the JoinRequest reconciler removing a withdrawn member. The test profile's backoff (200 ms, at most 2 s)
 * would ask again much sooner; Retry-After is 6 s and the gap is measured between the two requests as the fake
 * received them (polled every 50 ms, so the check allows 2 s of slack).
 */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class RateLimitedControllerTest {

    private static final String TOKEN = "rate-limited-token";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(6);
    private static final Duration AT_LEAST = RETRY_AFTER.minusSeconds(2);

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    private SelfHostedFake controller;
    private Cluster cluster;

    @BeforeEach
    void controllerAndNamespace() {
        controller = SelfHostedFake.started("0a1b2c3d4e", TOKEN);
        cluster = new Cluster(client, api, "rl-" + UUID.randomUUID().toString().substring(0, 8));
        client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
    }

    @AfterEach
    void stopController() {
        controller.close();
    }

    @Test
    void theNetworkReconcilerAsksARateLimitingControllerAgainOnlyAfterRetryAfter() {
        controller.failNext(429, Map.of("Retry-After", String.valueOf(RETRY_AFTER.toSeconds())));
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), "0a1b01")).create();

        Duration gap = gapBetweenFirstAndSecond(r -> true);

        assertThat(gap).as("time between the refused request and the next one").isGreaterThanOrEqualTo(AT_LEAST);
        cluster.awaitNetworkReady("ix");
    }

    @Test
    void removingAWithdrawnMemberWaitsForRetryAfterBeforeTheNextDelete() {
        client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), "0a1b02")).create();
        String networkId = cluster.awaitNetworkReady("ix").getStatus().networkId;
        JoinRequest created = cluster.submit(request(cluster.namespace(), "ix", 64501, "aabbccdd01", peeringDbUser(1, true)));
        String name = created.getMetadata().getName();
        cluster.setApproval(name, approved("alice"));
        cluster.awaitPhase(name, Phase.Active);
        controller.clearRequests();
        controller.failNextMatching("DELETE", "/member/aabbccdd01", 429,
                Map.of("Retry-After", String.valueOf(RETRY_AFTER.toSeconds())));

        cluster.setApproval(name, null);

        Duration gap = gapBetweenFirstAndSecond(r -> r.method().equals("DELETE") && r.path().endsWith("/member/aabbccdd01"));
        assertThat(gap).as("time between the refused DELETE and the next one").isGreaterThanOrEqualTo(AT_LEAST);
        await().atMost(Cluster.WAIT).until(() -> controller.member(networkId, "aabbccdd01").isEmpty());
        assertThat(cluster.request(name).getStatus().admitted).as("withdrawn: the record is gone").isNull();
    }

    /** Polls the fake's request log and measures the time from the first matching request to the second. */
    private Duration gapBetweenFirstAndSecond(Predicate<RecordedRequest> matching) {
        long deadline = System.nanoTime() + Cluster.WAIT.toNanos();
        long first = 0;
        while (System.nanoTime() < deadline) {
            long seen = controller.requests().stream().filter(matching).count();
            if (seen >= 1 && first == 0) {
                first = System.nanoTime();
            }
            if (seen >= 2) {
                return Duration.ofNanos(System.nanoTime() - first);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no second request within " + Cluster.WAIT + ": " + controller.requests());
    }
}
