package io.ztix.testing.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.ztix.testing.kubeapi.server.StorageLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real cluster refuses an object larger than etcd takes (1.5 MiB by default) and a request body over 3 MiB, with
 * kube-apiserver's answers; the stand-in does the same, so a status that grows too large fails a test.
 */
class StorageLimitsTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    private static final String NS = "limits";

    private static KubeApiStandIn standIn;
    private static KubernetesClient operator;

    @BeforeAll
    static void start() {
        standIn = KubeApiStandIn.start(REPO);
        standIn.createNamespace(NS);
        // fabric8 retries a 500 ten times with a growing pause, as the operator's client would: not needed to see it
        io.fabric8.kubernetes.client.Config config = standIn.config(standIn.serviceAccount("operator"), NS);
        config.setRequestRetryBackoffLimit(0);
        operator = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
        operator.resource(routeServer()).create();
    }

    @AfterAll
    static void stop() {
        operator.close();
        standIn.close();
    }

    private static io.fabric8.kubernetes.api.model.GenericKubernetesResource routeServer() {
        return operator.getKubernetesSerialization().unmarshal("""
                {"apiVersion":"ztix.io/v1alpha1","kind":"RouteServer","metadata":{"name":"rs1","namespace":"limits"},
                 "spec":{"networkRef":"ix","asn":64500,"routerId":"203.0.113.1",
                  "peeringAddresses":{"ipv6":"2001:db8:ff::1","ipv4":"203.0.113.1"},
                  "ssh":{"host":"rs1.example.net","user":"ztix","privateKeySecretRef":{"name":"rs1-ssh","key":"id_ed25519"},
                         "hostKey":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"},
                  "rpki":{"servers":[{"host":"rtr.example.net","port":8282}]}}}""",
                io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    }

    private static com.fasterxml.jackson.databind.JsonNode stored() {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(operator.genericKubernetesResources(
                "ztix.io/v1alpha1", "RouteServer").inNamespace(NS).withName("rs1").get());
    }

    /** A status patch of about {@code bytes} bytes: lastError holds the bulk (the schema has no maxLength on it). */
    private static String statusOf(long bytes) {
        return "{\"status\":{\"lastError\":\"" + "x".repeat((int) bytes) + "\"}}";
    }

    private static void patchStatus(String patch) {
        operator.genericKubernetesResources("ztix.io/v1alpha1", "RouteServer").inNamespace(NS).withName("rs1").subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    @Test
    void aStatusThatKeepsTheObjectUnderEtcdsLimitIsWritten() {
        patchStatus(statusOf(StorageLimits.ETCD_REQUEST_BYTES - 4096));

        assertThat(stored().path("status").path("lastError").asText()).hasSizeGreaterThan(1_000_000);
    }

    @Test
    void aStatusThatMakesTheObjectLargerThanEtcdTakesIsRefusedWithEtcdsErrorAndNothingIsStored() {
        String before = stored().path("metadata").path("resourceVersion").asText();

        assertThatThrownBy(() -> patchStatus(statusOf(StorageLimits.ETCD_REQUEST_BYTES)))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(500);
                    assertThat(e.getStatus().getMessage()).isEqualTo("etcdserver: request is too large");
                    assertThat(e.getStatus().getReason()).isNull();
                });
        assertThat(stored().path("metadata").path("resourceVersion").asText()).isEqualTo(before);
    }

    @Test
    void aRequestBodyOverThreeMebibytesIsRefusedWith413BeforeItIsRead() {
        assertThatThrownBy(() -> patchStatus(statusOf(StorageLimits.REQUEST_BODY_BYTES)))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(413);
                    assertThat(e.getStatus().getReason()).isEqualTo("RequestEntityTooLarge");
                    assertThat(e.getStatus().getMessage()).isEqualTo("Request entity too large: limit is 3145728");
                });
    }
}
