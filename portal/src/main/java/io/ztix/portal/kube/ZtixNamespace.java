package io.ztix.portal.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.portal.auth.PortalAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The namespace holding the ZT-IX resources the portal reads and writes. */
@ApplicationScoped
public class ZtixNamespace {

    @Inject
    PortalAccessConfig config;

    @Inject
    KubernetesClient client;

    public String name() {
        return config.namespace().orElseGet(() -> client.getNamespace() == null ? "default" : client.getNamespace());
    }
}
