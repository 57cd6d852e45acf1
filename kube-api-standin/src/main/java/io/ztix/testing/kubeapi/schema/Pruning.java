package io.ztix.testing.kubeapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What kube-apiserver does to a custom resource before it validates and stores it: drops every field the
 * structural schema does not declare (unless {@code x-kubernetes-preserve-unknown-fields}), drops nulls of
 * non-nullable fields that have no default, and fills in defaults. Pruning answers the dropped paths, which
 * field validation Strict refuses and Warn reports.
 */
public final class Pruning {

    private Pruning() {
    }

    /** Prunes unknown fields in place; answers their paths ({@code spec.foo}, {@code status.conditions[0].bar}). */
    public static List<String> pruneUnknown(ObjectNode object, JsonNode schema) {
        List<String> pruned = new ArrayList<>();
        prune(object, schema, "", true, pruned);
        return pruned;
    }

    private static void prune(JsonNode value, JsonNode schema, String path, boolean root, List<String> pruned) {
        if (value == null || schema == null || schema.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String childPath = SchemaValidator.child(path, name);
                if ((root || embedded) && ObjectMetaValidation.isTopLevelMetaField(name)) {
                    continue;
                }
                JsonNode fieldSchema = properties.get(name);
                if (fieldSchema == null && additional != null && additional.isObject()) {
                    fieldSchema = additional;
                }
                if (fieldSchema == null && additional != null && additional.asBoolean(false)) {
                    continue;
                }
                if (fieldSchema != null) {
                    prune(field.getValue(), fieldSchema, childPath, false, pruned);
                } else if (!preserve) {
                    pruned.add(childPath);
                    fields.remove();
                }
            }
        } else if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                prune(array.get(i), schema.path("items"), path + "[" + i + "]", false, pruned);
            }
        }
    }

    /** Drops nulls of non-nullable fields without a default and fills in defaults, in place. */
    public static void applyDefaults(JsonNode value, JsonNode schema) {
        if (value == null || schema == null || schema.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> property = fields.next();
                JsonNode current = object.get(property.getKey());
                JsonNode propertySchema = property.getValue();
                boolean nullable = propertySchema.path("nullable").asBoolean(false);
                if (current != null && current.isNull() && !nullable) {
                    object.remove(property.getKey());
                    current = null;
                }
                if (current == null && propertySchema.has("default")) {
                    object.set(property.getKey(), propertySchema.get("default").deepCopy());
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = properties.get(field.getKey());
                if (fieldSchema == null && additional != null && additional.isObject()) {
                    fieldSchema = additional;
                }
                applyDefaults(field.getValue(), fieldSchema);
            }
        } else if (value.isArray()) {
            value.forEach(element -> applyDefaults(element, schema.path("items")));
        }
    }
}
