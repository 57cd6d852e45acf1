package io.ztix.operator.common;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.network.ZtNetworkSpec.ApprovalPolicy;
import io.ztix.operator.testsupport.Fixtures;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "operator")
class HealthAndMetricsTest {

    @Inject
    KubernetesClient client;

    @Test
    void livenessAndReadinessAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsCountReconciliations() {
        client.resource(Fixtures.network("metrics", "ix", ApprovalPolicy.Manual)).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("reconciliations_started_total"))
                .body(containsString("reconciliations_success_total"))
                .body(containsString("reconciliations_execution_duration_seconds")));
    }
}
