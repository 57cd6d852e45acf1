package io.ztix.testing.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ztix.testing.kubeapi.server.Faults;
import io.ztix.testing.kubeapi.server.RequestLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault rules: selected calls answered as kube-apiserver answers them when it is in trouble or refuses, for N calls
 * or until removed, for one caller or all; the store is not touched by a failed call and other calls go through.
 */
class FaultsTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    private static final String NS = "faults";
    private static final String CM = "/api/v1/namespaces/" + NS + "/configmaps/";

    private static KubeApiStandIn api;
    private static Identity operator;
    /** The operator's client without fabric8's own retries of 5xx answers, so each failure is seen. */
    private static KubernetesClient operatorClient;
    private static KubernetesClient alice;

    @BeforeAll
    static void start() {
        api = KubeApiStandIn.start(REPO);
        operator = api.serviceAccount("operator");
        operatorClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(api.config(operator, NS))
                .withRequestRetryBackoffLimit(0).build()).build();
        alice = api.client(Identity.approver("alice"));
    }

    @AfterAll
    static void stop() {
        operatorClient.close();
        api.close();
    }

    @BeforeEach
    void noRules() {
        api.faults().clear();
    }

    private static void create(String name) {
        operatorClient.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .addToData("v", "0").build()).create();
    }

    private static ConfigMap patch(KubernetesClient caller, String name, String value) {
        return caller.configMaps().inNamespace(NS).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"v\":\"" + value + "\"}}");
    }

    private static String value(String name) {
        return alice.configMaps().inNamespace(NS).withName(name).get().getData().get("v");
    }

    @Test
    void aRuleFailsItsCallersMatchingCallsNTimesWithTheApiServersStatusAndChangesNothing() throws Exception {
        create("n-times");
        api.requests().clear();
        Faults.Fault fault = api.faults().add(new Faults.Rule("PATCH", CM + "n-times", 503).from(operator).times(2));

        assertThatThrownBy(() -> patch(operatorClient, "n-times", "1")).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(503);
            assertThat(e.getStatus().getReason()).isEqualTo("ServiceUnavailable");
            assertThat(e.getStatus().getMessage()).isEqualTo("the server is currently unable to handle the request");
        });
        assertThat(value("n-times")).as("a failed call changes nothing").isEqualTo("0");
        assertThat(patch(alice, "n-times", "a").getData()).as("another caller's call goes through").containsEntry("v", "a");
        assertThatThrownBy(() -> patch(operatorClient, "n-times", "2")).isInstanceOf(KubernetesClientException.class);
        assertThat(fault.hits()).isEqualTo(2);

        assertThat(patch(operatorClient, "n-times", "3").getData()).as("the rule is spent").containsEntry("v", "3");
        assertThat(fault.hits()).isEqualTo(2);
        List<String> operatorPatches = new ArrayList<>();
        for (RequestLog.Entry e; (e = api.requests().take(1, TimeUnit.SECONDS)) != null; ) {
            if (operator.equals(e.caller()) && e.method().equals("PATCH")) {
                operatorPatches.add(e.path());
            }
        }
        assertThat(operatorPatches).as("failed calls are in the request log").hasSize(3);
    }

    @Test
    void aRuleWithoutACountHoldsUntilRemovedAndMatchesItsMethodAndTheWholePathOnly() {
        create("held");
        create("held-too");
        Faults.Fault fault = api.faults().add(new Faults.Rule("PATCH", CM + "held", 403));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> patch(alice, "held", "x")).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                assertThat(e.getCode()).isEqualTo(403);
                assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
            });
        }
        assertThat(operatorClient.configMaps().inNamespace(NS).withName("held").get().getData())
                .as("another method").containsEntry("v", "0");
        assertThat(patch(operatorClient, "held-too", "y").getData()).as("a longer path").containsEntry("v", "y");
        assertThat(fault.hits()).isEqualTo(3);

        api.faults().remove(fault);
        assertThat(patch(alice, "held", "z").getData()).containsEntry("v", "z");
    }

    @Test
    void aServerErrorIsRetriedByFabric8sClientSoOnlyMoreFailuresThanItsRetriesReachTheCaller() {
        create("retried");
        Faults.Fault fault = api.faults().add(new Faults.Rule("PATCH", CM + "retried", 500).times(2));
        KubernetesClient retrying = api.client(Identity.approver("bob"));

        assertThat(patch(retrying, "retried", "1").getData()).containsEntry("v", "1");
        assertThat(fault.hits()).isEqualTo(2);
    }

    @Test
    void onlyTheAnswersOfAnApiServerInTroubleCanBeRuled() {
        assertThatThrownBy(() -> new Faults.Rule("GET", ".*", 404)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 404");
        assertThatThrownBy(() -> new Faults.Rule("GET", ".*", 500).times(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
