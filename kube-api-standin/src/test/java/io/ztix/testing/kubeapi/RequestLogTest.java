package io.ztix.testing.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.testing.kubeapi.server.RequestLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stand-in's request log: every request in the order received, with the caller it was authenticated as. */
class RequestLogTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void eachRequestIsLoggedWithItsMethodPathAndAuthenticatedCallerAndClearForgetsTheEarlierOnes() throws Exception {
        try (KubeApiStandIn api = KubeApiStandIn.start(REPO)) {
            Identity operator = api.serviceAccount("operator");
            KubernetesClient client = api.client(operator);
            client.leases().inNamespace("ztix-system").withName("before").get();
            api.requests().clear();

            client.leases().inNamespace("ztix-system").withName("zt-ix-operator").get();
            api.client(Identity.approver("alice")).configMaps().inNamespace("ztix").withName("c").get();
            try (KubernetesClient stranger = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                    .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(api.config(operator, "default"))
                            .withOauthToken("not-a-token").build()).build()) {
                stranger.leases().inNamespace("ztix-system").withName("x").get();
            } catch (KubernetesClientException e) {
                assertThat(e.getCode()).isEqualTo(401);
            }

            List<RequestLog.Entry> seen = new ArrayList<>();
            for (RequestLog.Entry e; (e = api.requests().take(1, TimeUnit.SECONDS)) != null; ) {
                seen.add(e);
            }
            assertThat(seen).containsExactly(
                    new RequestLog.Entry(operator, "GET",
                            "/apis/coordination.k8s.io/v1/namespaces/ztix-system/leases/zt-ix-operator"),
                    new RequestLog.Entry(Identity.approver("alice"), "GET", "/api/v1/namespaces/ztix/configmaps/c"),
                    new RequestLog.Entry(null, "GET", "/apis/coordination.k8s.io/v1/namespaces/ztix-system/leases/x"));
        }
    }
}
