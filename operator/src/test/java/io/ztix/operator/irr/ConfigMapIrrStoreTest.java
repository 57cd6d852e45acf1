package io.ztix.operator.irr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Applied lists in one ConfigMap per key, compressed, read back strictly. */
@EnableKubernetesMockClient(crud = true, https = false)
class ConfigMapIrrStoreTest {

    KubernetesClient client;

    private static final IrrKey KEY = new IrrKey(new IrrServer("rr.example.net", 43, List.of("RIPE")), List.of("AS-FOO"));

    @Test
    void savedListsAreReadBackAfterARestart() {
        IrrLists lists = lists(List.of(new IrrPrefix("193.0.0.0", 21, 21, 24)));
        new ConfigMapIrrStore(client, Optional.of("ztix")).save(KEY, lists);

        Optional<IrrLists> read = new ConfigMapIrrStore(client, Optional.of("ztix")).load(KEY);

        assertEquals(Optional.of(lists), read);
        ConfigMap map = client.configMaps().inNamespace("ztix").withName(ConfigMapIrrStore.name(KEY)).get();
        assertEquals("rr.example.net:43 sources=RIPE objects=AS-FOO", map.getMetadata().getAnnotations().get("ztix.io/irr-key"));
    }

    @Test
    void newerListsReplaceTheSavedOnes() {
        ConfigMapIrrStore store = new ConfigMapIrrStore(client, Optional.of("ztix"));
        store.save(KEY, lists(List.of(new IrrPrefix("193.0.0.0", 21, 21, 24))));
        IrrLists newer = lists(List.of(new IrrPrefix("185.1.2.0", 24, 24, 24)));

        store.save(KEY, newer);

        assertEquals(Optional.of(newer), store.load(KEY));
    }

    @Test
    void aSweepDeletesOnlyTheStoresOwnConfigMapsOfKeysNotKept() {
        ConfigMapIrrStore store = new ConfigMapIrrStore(client, Optional.of("ztix"));
        IrrKey other = new IrrKey(KEY.server(), List.of("AS-OTHER"));
        store.save(KEY, lists(List.of(new IrrPrefix("193.0.0.0", 21, 21, 24))));
        store.save(other, lists(List.of(new IrrPrefix("185.1.2.0", 24, 24, 24))));
        client.configMaps().inNamespace("ztix").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("ztix-irr-somebody-elses").withNamespace("ztix")
                .addToLabels("ztix.io/irr-lists", "true").endMetadata().build()).create();

        assertEquals(1, store.sweep(java.util.Set.of(KEY)));

        assertTrue(store.load(KEY).isPresent(), "kept");
        assertNull(client.configMaps().inNamespace("ztix").withName(ConfigMapIrrStore.name(other)).get(), "deleted");
        assertTrue(client.configMaps().inNamespace("ztix").withName("ztix-irr-somebody-elses").get() != null,
                "a ConfigMap without both of the store's labels is not the store's");
    }

    @Test
    void aConfigMapForOtherObjectsOrDamagedDataIsIgnored() {
        ConfigMapIrrStore store = new ConfigMapIrrStore(client, Optional.of("ztix"));
        store.save(KEY, lists(List.of(new IrrPrefix("193.0.0.0", 21, 21, 24))));
        var resource = client.configMaps().inNamespace("ztix").withName(ConfigMapIrrStore.name(KEY));

        resource.edit(m -> {
            m.getMetadata().setAnnotations(Map.of("ztix.io/irr-key", "rr.example.net:43 sources=RIPE objects=AS-OTHER"));
            return m;
        });
        assertEquals(Optional.empty(), store.load(KEY));

        resource.edit(m -> {
            m.getMetadata().setAnnotations(Map.of("ztix.io/irr-key", ConfigMapIrrStore.describe(KEY)));
            m.setBinaryData(Map.of("lists.json.gz", "bm90IGd6aXA="));
            return m;
        });
        assertEquals(Optional.empty(), store.load(KEY));
    }

    @Test
    void aHundredThousandPrefixListFitsOneConfigMap() {
        List<IrrPrefix> prefixes = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            long base = (45L << 24) + (2L * i << 8);
            prefixes.add(new IrrPrefix((base >> 24) + "." + (base >> 16 & 255) + "." + (base >> 8 & 255) + ".0", 24, 24, 24));
        }
        IrrLists huge = lists(prefixes);

        byte[] stored = IrrCodec.encode(huge);
        new ConfigMapIrrStore(client, Optional.of("ztix")).save(KEY, huge);

        assertTrue(stored.length < ConfigMapIrrStore.MAX_STORED_BYTES, stored.length + " bytes");
        assertEquals(huge, new ConfigMapIrrStore(client, Optional.of("ztix")).load(KEY).orElseThrow());
    }

    @Test
    void nothingSavedIsNothingRead() {
        assertEquals(Optional.empty(), new ConfigMapIrrStore(client, Optional.of("ztix")).load(KEY));
        assertNull(client.configMaps().inNamespace("ztix").withName(ConfigMapIrrStore.name(KEY)).get());
    }

    private static IrrLists lists(List<IrrPrefix> ipv4) {
        return new IrrLists(List.of("AS-FOO"), List.of(3333L), ipv4, List.of(new IrrPrefix("2001:67c:2e8::", 48, 48, 48)),
                Instant.parse("2026-12-01T12:00:00Z"));
    }
}
