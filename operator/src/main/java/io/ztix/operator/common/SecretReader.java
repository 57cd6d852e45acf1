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
 * without a restart. The value is never logged; errors name the Secret and key, never the content.
 */
@ApplicationScoped
public class SecretReader {

    private final KubernetesClient client;

    public SecretReader(KubernetesClient client) {
        this.client = client;
    }

    public String read(String namespace, SecretKeyRef ref) {
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

    /** The Secret or key is missing or unreadable; the message is safe to show in status and events. */
    public static class SecretUnavailableException extends RuntimeException {
        public SecretUnavailableException(String message) {
            super(message);
        }
    }
}
