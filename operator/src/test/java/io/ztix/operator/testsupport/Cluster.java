package io.ztix.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.common.Conditions;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads and waits on resources of one test namespace in the mock Kubernetes API. */
public record Cluster(KubernetesClient client, String namespace) {

    public static final Duration WAIT = Duration.ofSeconds(30);

    public JoinRequest request(String name) {
        return client.resources(JoinRequest.class).inNamespace(namespace).withName(name).get();
    }

    public ZtNetwork network(String name) {
        return client.resources(ZtNetwork.class).inNamespace(namespace).withName(name).get();
    }

    public JoinRequest awaitPhase(String name, Phase phase) {
        await().atMost(WAIT).untilAsserted(() -> {
            JoinRequest seen = request(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(seen.getStatus().phase).as("phase of %s (lastError %s)", name, seen.getStatus().lastError).isEqualTo(phase);
        });
        return request(name);
    }

    public ZtNetwork awaitNetworkReady(String name) {
        await().atMost(WAIT).untilAsserted(() -> {
            ZtNetwork seen = network(name);
            assertThat(seen.getStatus()).isNotNull();
            assertThat(Conditions.isTrue(seen.getStatus().conditions, ZtNetwork.COND_READY))
                    .as("Ready of %s: %s", name, seen.getStatus().conditions.stream().map(c -> c.type + "=" + c.status + " " + c.message).toList())
                    .isTrue();
        });
        return network(name);
    }

    /** As an admin does it: {@code kubectl patch joinrequest NAME --type=merge -p '{"spec":{"approval":...}}'}. */
    public void setApproval(String name, Approval approval) {
        mergePatch(name, Map.of("spec", Collections.singletonMap("approval", approval)));
    }

    /** As {@code kubectl annotate joinrequest NAME key=value --overwrite}. */
    public void annotate(String name, String key, String value) {
        mergePatch(name, Map.of("metadata", Map.of("annotations", Map.of(key, value))));
    }

    private void mergePatch(String name, Object patch) {
        client.resources(JoinRequest.class).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }

    public List<Event> events() {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }
}
