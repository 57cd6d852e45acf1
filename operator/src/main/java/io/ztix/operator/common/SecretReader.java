package io.ztix.operator.common;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.api.common.SecretKeyRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads one key of a Secret each time it is asked, so a rotated Secret is used from the next call on
 * without a restart, and only a Secret meant for the purpose (see {@link SecretPurpose}). The value is never
 * logged; errors name the Secret and key, never the content.
 */
@ApplicationScoped
public class SecretReader {

    private final KubernetesClient client;
    private final SecretsConfig config;

    public SecretReader(KubernetesClient client, SecretsConfig config) {
        this.client = client;
        this.config = config;
    }

    public String read(String namespace, SecretKeyRef ref, SecretPurpose purpose) {
        if (ref == null || ref.name == null || ref.key == null) {
            throw new SecretUnavailableException("no Secret reference is set");
        }
        Secret secret;
        try {
            secret = client.secrets().inNamespace(namespace).withName(ref.name).get();
        } catch (KubernetesClientException e) {
            throw new SecretUnavailableException("Secret '" + ref.name + "' in namespace '" + namespace
                    + "' cannot be read: " + e.getStatus().getMessage());
        }
        if (secret == null) {
            throw new SecretUnavailableException("Secret '" + ref.name + "' does not exist in namespace '" + namespace + "'");
        }
        if (!meantFor(secret, purpose)) {
            throw new SecretUnavailableException("Secret '" + ref.name + "' in namespace '" + namespace + "' is not one the "
                    + "operator may use as " + purpose.description() + ": label it (kubectl -n " + namespace
                    + " label secret " + ref.name + " " + SecretPurpose.LABEL + "=" + purpose.label()
                    + ") or name it in the chart's " + purpose.chartValue());
        }
        String value = null;
        if (secret.getData() != null && secret.getData().get(ref.key) != null) {
            value = new String(Base64.getDecoder().decode(secret.getData().get(ref.key)), StandardCharsets.UTF_8);
        } else if (secret.getStringData() != null) {
            value = secret.getStringData().get(ref.key);
        }
        if (value == null) {
            throw new SecretUnavailableException("Secret '" + ref.name + "' has no key '" + ref.key + "'");
        }
        if (value.isBlank()) {
            throw new SecretUnavailableException("key '" + ref.key + "' of Secret '" + ref.name + "' is empty");
        }
        return value.strip();
    }

    private boolean meantFor(Secret secret, SecretPurpose purpose) {
        var labels = secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
        return (labels != null && purpose.label().equals(labels.get(SecretPurpose.LABEL)))
                || config.names(purpose).contains(secret.getMetadata().getName());
    }

    /** The Secret or key is missing or unreadable; the message is safe to show in status and events. */
    public static class SecretUnavailableException extends RuntimeException {
        public SecretUnavailableException(String message) {
            super(message);
        }
    }
}
