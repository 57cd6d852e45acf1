package io.ztix.testing.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deletion with finalizers as kube-apiserver does it: a DELETE of an object with finalizers only sets its
 * deletionTimestamp; the write that removes the last finalizer answers 200 with the object as it was finally
 * written (deletionTimestamp set, no finalizers), and only then is the object gone. Operators (the java-operator-sdk)
 * read that answer: an empty one made its finalizer removal fail with a NullPointerException.
 */
class FinalizersTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    private static final String NS = "finalizers";

    private static KubeApiStandIn api;
    private static KubernetesClient operator;

    @BeforeAll
    static void start() {
        api = KubeApiStandIn.start(REPO);
        api.createNamespace(NS);
        operator = api.client(api.serviceAccount("operator"));
    }

    @AfterAll
    static void stop() {
        operator.close();
        api.close();
    }

    @Test
    void removingTheLastFinalizerOfADeletedObjectAnswersTheObjectAndThenItIsGone() {
        operator.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("kept")
                .withFinalizers("ztix.io/test").endMetadata().addToData("a", "b").build()).create();
        operator.configMaps().inNamespace(NS).withName("kept").delete();
        ConfigMap deleting = operator.configMaps().inNamespace(NS).withName("kept").get();
        assertThat(deleting).as("a finalizer keeps it").isNotNull();
        assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();

        ConfigMap answer = operator.configMaps().inNamespace(NS).withName("kept")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"}]");
        assertThat(answer).as("the answer to the last finalizer's removal is the object").isNotNull();
        assertThat(answer.getMetadata().getName()).isEqualTo("kept");
        assertThat(answer.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(answer.getMetadata().getFinalizers()).isEmpty();
        assertThat(operator.configMaps().inNamespace(NS).withName("kept").get()).as("then it is gone").isNull();
    }
}
