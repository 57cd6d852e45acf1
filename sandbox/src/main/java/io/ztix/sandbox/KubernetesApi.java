package io.ztix.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * An embedded Kubernetes API on 127.0.0.1: the fabric8 mock server in CRUD mode with the ZT-IX CRDs created in
 * it, the namespace, API discovery for kubectl, and a kubeconfig file pointing at it.
 */
final class KubernetesApi implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path kubeconfig;

    private KubernetesApi(KubernetesMockServer server, KubernetesClient client, Path kubeconfig) {
        this.server = server;
        this.client = client;
        this.kubeconfig = kubeconfig;
    }

    static KubernetesApi start(Path crdDirectory, String namespace, Path kubeconfig) {
        DiscoveryDispatcher dispatcher = new DiscoveryDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.start(InetAddress.getLoopbackAddress(), 0);
        KubernetesClient client = server.createClient();
        try {
            List<CustomResourceDefinition> crds = new ArrayList<>();
            for (Path file : crdFiles(crdDirectory)) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                        .load(file.toFile()).item();
                crds.add(client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
            }
            if (crds.isEmpty()) {
                throw new IllegalStateException("no CRDs (*.yml) in " + crdDirectory);
            }
            dispatcher.publish(new ApiDiscovery(crds), new PrinterColumns(crds));
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
            KubernetesApi api = new KubernetesApi(server, client, kubeconfig);
            api.writeKubeconfig(namespace);
            return api;
        } catch (RuntimeException e) {
            client.close();
            server.shutdown();
            throw e;
        }
    }

    private static List<Path> crdFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + directory, e);
        }
    }

    private void writeKubeconfig(String namespace) {
        String yaml = String.join("\n",
                "# ZT-IX sandbox: the embedded Kubernetes API (exists only while the sandbox runs)",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: ztix-sandbox",
                "  cluster:",
                "    server: " + url(),
                "users:",
                "- name: sandbox-admin",
                "  user:",
                "    token: sandbox",
                "contexts:",
                "- name: ztix-sandbox",
                "  context:",
                "    cluster: ztix-sandbox",
                "    user: sandbox-admin",
                "    namespace: " + namespace,
                "current-context: ztix-sandbox",
                "");
        try {
            Files.createDirectories(kubeconfig.getParent());
            Files.writeString(kubeconfig, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + kubeconfig, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
