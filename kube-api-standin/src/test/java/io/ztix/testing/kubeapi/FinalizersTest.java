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

    @Test
    void aWatchFromTheDeletionSeesTheObjectGo() throws Exception {
        operator.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("watched")
                .withFinalizers("ztix.io/test").endMetadata().build()).create();
        operator.configMaps().inNamespace(NS).withName("watched").delete();
        String since = operator.configMaps().inNamespace(NS).withName("watched").get().getMetadata().getResourceVersion();
        java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        var watch = operator.configMaps().inNamespace(NS).withField("metadata.name", "watched")
                .watch(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(since).build(),
                        new io.fabric8.kubernetes.client.Watcher<ConfigMap>() {
                            @Override
                            public void eventReceived(Action action, ConfigMap resource) {
                                events.add(action.name());
                            }

                            @Override
                            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                                events.add("CLOSED " + cause);
                            }
                        });
        try {
            operator.configMaps().inNamespace(NS).withName("watched")
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"}]");
            java.util.List<String> seen = new java.util.ArrayList<>();
            for (String e; !seen.contains("DELETED") && (e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
                seen.add(e);
            }
            assertThat(seen).as("the watch's events after the deletion").contains("DELETED");
        } finally {
            watch.close();
        }
    }

    @Test
    void anHttpWatchFromTheDeletionSeesTheObjectGoAsKubectlDeleteWaitsForIt() throws Exception {
        operator.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("waited")
                .withFinalizers("ztix.io/test").endMetadata().build()).create();
        operator.configMaps().inNamespace(NS).withName("waited").delete();
        String since = operator.configMaps().inNamespace(NS).withName("waited").get().getMetadata().getResourceVersion();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Identity caller = api.serviceAccount("operator");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(KubeApiStandInTest.trusting(api.certificateAuthorityData())).build();
        var response = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.url()
                + "/api/v1/namespaces/" + NS + "/configmaps?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dwaited"
                + "&resourceVersion=" + since + "&timeoutSeconds=60&watch=true"))
                .header("Authorization", "Bearer " + api.token(caller)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).get(20, java.util.concurrent.TimeUnit.SECONDS);
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        operator.configMaps().inNamespace(NS).withName("waited")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"}]");
        String event = lines.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(event).as("the HTTP watch's first event").isNotNull().contains("\"DELETED\"");
    }
}
