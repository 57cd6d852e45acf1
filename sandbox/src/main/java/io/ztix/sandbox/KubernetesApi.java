package io.ztix.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.Kubeconfig;
import java.nio.file.Path;

/**
 * The sandbox's Kubernetes API: the ZT-IX Kubernetes API stand-in (kube-api-standin) with the CRDs of
 * {@code crds/} and the chart's admission policy, the namespace, and one kubeconfig per caller: the admin's
 * ({@code sandbox-admin}, an approver; context {@code noc} is a colleague who is not one), the operator's and the
 * portal's (their service accounts as the chart names them).
 */
final class KubernetesApi implements AutoCloseable {

    static final String ADMIN = "sandbox-admin";
    static final String NON_APPROVER = "noc";

    private final KubeApiStandIn standIn;
    private final KubernetesClient client;
    private final Path kubeconfig;
    private final Path operatorKubeconfig;
    private final Path portalKubeconfig;

    private KubernetesApi(KubeApiStandIn standIn, String namespace, Path workDirectory) {
        this.standIn = standIn;
        standIn.createNamespace(namespace);
        Identity admin = Identity.approver(ADMIN);
        this.client = standIn.client(admin);
        String comment = "ZT-IX sandbox: the embedded Kubernetes API (exists only while the sandbox runs)";
        this.kubeconfig = new Kubeconfig(standIn, namespace).context("ztix-sandbox", admin)
                .context(NON_APPROVER, Identity.user(NON_APPROVER, "noc")).write(workDirectory.resolve("kubeconfig"), comment);
        this.operatorKubeconfig = new Kubeconfig(standIn, namespace)
                .context("operator", standIn.serviceAccount("operator"))
                .write(workDirectory.resolve("operator.kubeconfig"), comment);
        this.portalKubeconfig = new Kubeconfig(standIn, namespace).context("portal", standIn.serviceAccount("portal"))
                .write(workDirectory.resolve("portal.kubeconfig"), comment);
    }

    static KubernetesApi start(Path repository, String namespace, Path workDirectory) {
        KubeApiStandIn standIn = KubeApiStandIn.start(repository);
        try {
            return new KubernetesApi(standIn, namespace, workDirectory);
        } catch (RuntimeException e) {
            standIn.close();
            throw e;
        }
    }

    String url() {
        return standIn.url();
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    Path operatorKubeconfig() {
        return operatorKubeconfig;
    }

    Path portalKubeconfig() {
        return portalKubeconfig;
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        standIn.close();
    }
}
