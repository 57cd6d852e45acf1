package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.Iterator;
import java.util.Map;

/** The patch types kube-apiserver accepts for custom resources, applied as it applies them. */
final class Patches {

    static final String JSON_PATCH = "application/json-patch+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    /** A patch the request cannot be applied with: its Status answer. */
    static final class PatchException extends Exception {
        final boolean unsupportedMediaType;

        PatchException(String message, boolean unsupportedMediaType) {
            super(message);
            this.unsupportedMediaType = unsupportedMediaType;
        }
    }

    private Patches() {
    }

    static JsonNode apply(JsonNode current, String contentType, JsonNode patch, boolean customResource)
            throws PatchException {
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        switch (type) {
            case MERGE_PATCH:
                return mergePatch(current, patch);
            case JSON_PATCH:
                if (!patch.isArray()) {
                    throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch", false);
                }
                try {
                    return JsonPatch.apply(patch, current);
                } catch (RuntimeException e) {
                    throw new PatchException("the server rejected our request due to an error in our request: "
                            + e.getMessage(), false);
                }
            case STRATEGIC_MERGE_PATCH:
                if (!customResource) {
                    // built-in kinds: the fields ZT-IX and kubectl use merge as a merge patch would
                    return mergePatch(current, patch);
                }
                throw new PatchException("the body of the request was in an unknown format - accepted media types"
                        + " include: application/json-patch+json, application/merge-patch+json,"
                        + " application/apply-patch+yaml", true);
            case APPLY_PATCH:
                throw new PatchException("server-side apply is not supported by the ZT-IX Kubernetes API stand-in;"
                        + " use client-side apply (kubectl apply without --server-side)", true);
            default:
                throw new PatchException("the body of the request was in an unknown format - accepted media types"
                        + " include: application/json-patch+json, application/merge-patch+json,"
                        + " application/apply-patch+yaml", true);
        }
    }

    /** RFC 7386: objects merge recursively, null removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
