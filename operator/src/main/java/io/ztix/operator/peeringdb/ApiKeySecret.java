package io.ztix.operator.peeringdb;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The optional PeeringDB API key, read from the Secret the operator's configuration names ({@code namespace/name}) on
 * every call. No key configured: anonymous calls. A key configured but unreadable fails the call (it is never
 * silently sent anonymously, which would halve the rate limit).
 */
final class ApiKeySecret implements Supplier<Optional<String>> {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String key;

    private ApiKeySecret(KubernetesClient client, String namespace, String name, String key) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.key = key;
    }

    static Supplier<Optional<String>> of(KubernetesClient client, PeeringDbConfig config) {
        if (config.apiKeySecret().isEmpty()) {
            return Optional::empty;
        }
        String[] parts = config.apiKeySecret().get().split("/", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("ztix.peeringdb.api-key-secret must be namespace/name, not '"
                    + config.apiKeySecret().get() + "'");
        }
        return new ApiKeySecret(client, parts[0], parts[1], config.apiKeySecretKey());
    }

    @Override
    public Optional<String> get() {
        Secret secret;
        try {
            secret = client.secrets().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw new SecretUnavailableException("the PeeringDB API key Secret " + namespace + "/" + name
                    + " cannot be read: " + e.getMessage());
        }
        String value = secret == null || secret.getData() == null || secret.getData().get(key) == null ? null
                : new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8).strip();
        if (value == null || value.isEmpty()) {
            throw new SecretUnavailableException("the PeeringDB API key Secret " + namespace + "/" + name
                    + " does not exist or has no key '" + key + "'");
        }
        return Optional.of(value);
    }
}
