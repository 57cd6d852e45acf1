package io.ztix.operator.irr;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps applied IRR lists in one ConfigMap per key ({@code ztix-irr-<hash>}) in the operator's namespace, as
 * gzip-compressed JSON in {@code binaryData} ({@link IrrCodec}). Why here: the lists must survive a restart without a
 * volume (the operator is a Deployment with a read-only root file system); a custom resource's status would put
 * megabytes into every watch event of the JoinRequest or RouteServer; a ConfigMap holds 1 MiB, which compressed lists
 * of even a 100,000-prefix AS-SET fit. Lists larger than {@link #MAX_STORED_BYTES} compressed are kept in memory only
 * (re-queried after a restart), with a warning. A ConfigMap whose annotations name other objects than the key's
 * (hash collision, edited by hand) or that does not decode is ignored.
 */
@ApplicationScoped
public class ConfigMapIrrStore implements IrrStore {

    static final int MAX_STORED_BYTES = 900 * 1024;
    static final String DATA_KEY = "lists.json.gz";
    static final String KEY_ANNOTATION = "ztix.io/irr-key";
    /** What marks a ConfigMap as this store's: only such ConfigMaps are ever deleted. */
    static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "zt-ix", "ztix.io/irr-lists", "true");

    private static final Logger LOG = Logger.getLogger(ConfigMapIrrStore.class);

    private final KubernetesClient client;
    private final Optional<String> configuredNamespace;

    public ConfigMapIrrStore(KubernetesClient client,
            @ConfigProperty(name = "ztix.irr.store-namespace") Optional<String> configuredNamespace) {
        this.client = client;
        this.configuredNamespace = configuredNamespace;
    }

    @Override
    public Optional<IrrLists> load(IrrKey key) {
        try {
            ConfigMap map = client.configMaps().inNamespace(namespace()).withName(name(key)).get();
            if (map == null || map.getBinaryData() == null || map.getBinaryData().get(DATA_KEY) == null) {
                return Optional.empty();
            }
            String stored = map.getMetadata().getAnnotations() == null ? null
                    : map.getMetadata().getAnnotations().get(KEY_ANNOTATION);
            if (!describe(key).equals(stored)) {
                LOG.warnf("ConfigMap %s holds IRR lists of '%s', not of '%s': ignored", name(key), stored, describe(key));
                return Optional.empty();
            }
            IrrLists lists = IrrCodec.decode(Base64.getDecoder().decode(map.getBinaryData().get(DATA_KEY)));
            return lists.objects().equals(key.objects()) ? Optional.of(lists) : Optional.empty();
        } catch (KubernetesClientException | IllegalArgumentException e) {
            LOG.warnf("IRR lists of %s could not be read back (%s): they are looked up again", describe(key), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(IrrKey key, IrrLists lists) {
        byte[] bytes = IrrCodec.encode(lists);
        if (bytes.length > MAX_STORED_BYTES) {
            LOG.warnf("IRR lists of %s are %d bytes compressed, more than a ConfigMap should hold: kept in memory only",
                    describe(key), bytes.length);
            return;
        }
        String data = Base64.getEncoder().encodeToString(bytes);
        try {
            var resource = client.configMaps().inNamespace(namespace()).withName(name(key));
            ConfigMap existing = resource.get();
            if (existing == null) {
                resource.create(new ConfigMapBuilder().withNewMetadata().withName(name(key)).withNamespace(namespace())
                        .withLabels(LABELS)
                        .withAnnotations(Map.of(KEY_ANNOTATION, describe(key))).endMetadata()
                        .withBinaryData(Map.of(DATA_KEY, data)).build());
            } else {
                existing.setBinaryData(Map.of(DATA_KEY, data));
                existing.getMetadata().setAnnotations(Map.of(KEY_ANNOTATION, describe(key)));
                client.configMaps().inNamespace(namespace()).resource(existing).update();
            }
        } catch (KubernetesClientException e) {
            LOG.warnf("IRR lists of %s could not be saved (%s): kept in memory only", describe(key), e.getMessage());
        }
    }

    @Override
    public int sweep(Set<IrrKey> keep) {
        Set<String> kept = keep.stream().map(ConfigMapIrrStore::name).collect(Collectors.toSet());
        int deleted = 0;
        try {
            var maps = client.configMaps().inNamespace(namespace()).withLabels(LABELS).list().getItems();
            for (ConfigMap map : maps) {
                String name = map.getMetadata().getName();
                if (kept.contains(name)) {
                    continue;
                }
                client.configMaps().inNamespace(namespace()).withName(name).delete();
                deleted++;
                LOG.infof("deleted the saved IRR lists %s (%s): no route server uses them any more", name,
                        map.getMetadata().getAnnotations() == null ? "?" : map.getMetadata().getAnnotations().get(KEY_ANNOTATION));
            }
        } catch (KubernetesClientException e) {
            LOG.warnf("could not delete saved IRR lists no route server uses (%s): they are kept", e.getMessage());
        }
        return deleted;
    }

    /** ConfigMap name of a key: a hash, since AS-SET names and servers do not fit Kubernetes names. */
    static String name(IrrKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(describe(key).getBytes(StandardCharsets.UTF_8));
            return "ztix-irr-" + HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The key as one line: server, sources and objects. */
    static String describe(IrrKey key) {
        return key.server().hostAndPort() + " sources=" + String.join(",", key.server().sources()) + " objects="
                + String.join(" ", key.objects());
    }

    private String namespace() {
        return configuredNamespace.orElseGet(() -> client.getNamespace() == null ? "default" : client.getNamespace());
    }
}
