package io.ztix.operator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.testing.kubeapi.KubeApiStandIn;

/**
 * Writes ZT-IX objects as raw JSON straight into the API stand-in's store, past validation and admission, as an
 * older CRD, a hand edit in etcd or a buggy pipeline before the CRD's rules existed could have left them: the API
 * would refuse these values today ({@code decision: Maybe}, {@code asn: "abc"}), and the operator must survive
 * them anyway.
 */
public final class RawObjects {

    private RawObjects() {
    }

    /** Creates {@code json} under {@code /apis/ztix.io/v1alpha1/namespaces/NS/PLURAL}. */
    public static void create(KubeApiStandIn api, String namespace, String plural, String json) {
        api.raw().create(path(namespace, plural, null), json);
    }

    /** Replaces the object at {@code .../PLURAL/NAME} with {@code json} (a whole object), whatever its resourceVersion. */
    public static void replace(KubeApiStandIn api, String namespace, String plural, String name, String json) {
        api.raw().replace(path(namespace, plural, name), json);
    }

    /**
     * Applies a JSON merge patch (RFC 7386) to {@code current} (the object as read) and replaces it in the store: a
     * change the API would refuse today (an immutable field, terms changed without a decision).
     */
    public static void mergePatch(KubeApiStandIn api, String plural, HasMetadata current, String patch) {
        ObjectNode merged = Serialization.jsonMapper().valueToTree(current);
        merge(merged, Serialization.unmarshal(patch, JsonNode.class));
        replace(api, current.getMetadata().getNamespace(), plural, current.getMetadata().getName(), merged.toString());
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode child) {
                merge(child, value);
            } else {
                target.set(e.getKey(), value);
            }
        });
    }

    private static String path(String namespace, String plural, String name) {
        return "/apis/ztix.io/v1alpha1/namespaces/" + namespace + "/" + plural + (name == null ? "" : "/" + name);
    }
}
