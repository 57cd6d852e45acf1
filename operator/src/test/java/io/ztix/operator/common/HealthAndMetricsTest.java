package io.ztix.operator.common;

import static io.restassured.RestAssured.given;
import static io.ztix.operator.testsupport.Fixtures.selfHostedNetwork;
import static io.ztix.operator.testsupport.Fixtures.tokenSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.operator.testsupport.Cluster;
import io.ztix.operator.zerotier.fake.SelfHostedFake;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Health endpoints, and /q/metrics read as a Prometheus server reads it: the values, not only the names. */
@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class HealthAndMetricsTest {

    private static final String TOKEN = "metrics-token";
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? ([^ \\n]+)");

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Test
    void livenessAndReadinessAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountReconciliationsAndTheMembersOfANetworkAlsoDuringAnOutage() {
        double networksBefore = sum("reconciliations_success_total", "ZtNetwork");
        double requestsBefore = sum("reconciliations_started_total", "JoinRequest");
        try (SelfHostedFake controller = SelfHostedFake.started("0e7a1c5001", TOKEN)) {
            Cluster cluster = new Cluster(client, api, "metrics-" + java.util.UUID.randomUUID().toString().substring(0, 6));
            client.resource(tokenSecret(cluster.namespace(), TOKEN)).create();
            client.resource(selfHostedNetwork(cluster.namespace(), "ix", controller.url(), "0e7a01")).create();
            cluster.awaitNetworkReady("ix");
            await().atMost(Cluster.WAIT).untilAsserted(() ->
                    assertThat(sum("reconciliations_success_total", "ZtNetwork")).isGreaterThan(networksBefore));
            String members = "ztix_network_members{namespace=\"" + cluster.namespace() + "\",network=\"ix\"";

            for (String node : new String[] {"0e7a1c5a01", "0e7a1c5a02"}) {
                // the portal submits, alice approves
                cluster.awaitPhase(cluster.submitApproved("ix", 64501, node, 1), Phase.Active);
            }
            await().atMost(Cluster.WAIT).untilAsserted(() -> {
                assertThat(sample(members, "admitted")).as("two members on the route servers").isEqualTo(2.0);
                assertThat(sample(members, "degraded")).isEqualTo(0.0);
            });

            // an outage of the controller degrades both members; they stay members (fail static)
            controller.setDown(true);
            await().atMost(Cluster.WAIT).untilAsserted(() -> {
                assertThat(sample(members, "degraded")).as("both degraded").isEqualTo(2.0);
                assertThat(sample(members, "admitted")).as("and still on the route servers").isEqualTo(2.0);
            });
            assertThat(sum("reconciliations_started_total", "JoinRequest")).as("JoinRequest reconciliations started")
                    .isGreaterThanOrEqualTo(requestsBefore + 2);
            assertThat(sum("reconciliations_execution_duration_seconds_count", "JoinRequest")).isPositive();
            assertThat(sum("jvm_memory_used_bytes", "")).isPositive();
        }
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one series that starts with {@code prefix} and has {@code state="<state>"}. */
    private static double sample(String prefix, String state) {
        Matcher m = SAMPLE.matcher(scrape());
        Double found = null;
        while (m.find()) {
            String series = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            if (series.startsWith(prefix) && series.contains("state=\"" + state + "\"")) {
                assertThat(found).as("one series %s... state=%s", prefix, state).isNull();
                found = Double.parseDouble(m.group(3));
            }
        }
        assertThat(found).as("series %s... state=%s in /q/metrics", prefix, state).isNotNull();
        return found;
    }

    /** The sum over all series of a metric (any prefix) whose labels mention {@code labelText}. */
    private static double sum(String metricSuffix, String labelText) {
        Matcher m = SAMPLE.matcher(scrape());
        double total = 0;
        boolean any = false;
        while (m.find()) {
            String labels = m.group(2) == null ? "" : m.group(2);
            if (m.group(1).endsWith(metricSuffix) && labels.toLowerCase().contains(labelText.toLowerCase())) {
                total += Double.parseDouble(m.group(3));
                any = true;
            }
        }
        return any ? total : 0;
    }
}
