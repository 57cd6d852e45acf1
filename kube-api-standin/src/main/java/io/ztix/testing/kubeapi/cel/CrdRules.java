package io.ztix.testing.kubeapi.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.ztix.testing.kubeapi.schema.FieldError;
import io.ztix.testing.kubeapi.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code x-kubernetes-validations} rules of a CRD schema, evaluated as kube-apiserver does: at every schema
 * node that has rules and a value, with {@code self} bound to that value; transition rules (those that use
 * {@code oldSelf}) only on update and only where the old object has a value at the same place (through object
 * properties and map keys, not through list positions), unless the rule sets {@code optionalOldSelf}: then it is
 * evaluated on create too, with {@code oldSelf} an optional that is empty where there is no old value. A failed rule is a {@code FieldValueInvalid} error at
 * the node's path (plus the rule's fieldPath) whose value is the node's schema type.
 */
public final class CrdRules {

    private static final CelEngine ENGINE = new CelEngine(List.of("self", "oldSelf"));
    private static final CelEngine OPTIONAL_OLD_SELF = new CelEngine(List.of("self"), List.of("oldSelf"));
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();
    private static final Map<String, CelRuntime.Program> OPTIONAL_OLD_SELF_PROGRAMS = new ConcurrentHashMap<>();

    private CrdRules() {
    }

    public static List<FieldError> evaluate(JsonNode object, JsonNode oldObject, JsonNode schema) {
        List<FieldError> errors = new ArrayList<>();
        visit(rootView(object), oldObject == null ? null : rootView(oldObject), schema, "", true, errors);
        return errors;
    }

    /** At the root, rules see metadata.name and metadata.generateName only. */
    private static JsonNode rootView(JsonNode object) {
        ObjectNode view = object.deepCopy();
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        JsonNode original = object.path("metadata");
        if (original.has("name")) {
            metadata.set("name", original.get("name"));
        }
        if (original.has("generateName")) {
            metadata.set("generateName", original.get("generateName"));
        }
        view.set("metadata", metadata);
        return view;
    }

    private static void visit(JsonNode value, JsonNode old, JsonNode schema, String path, boolean correlated,
            List<FieldError> errors) {
        if (value == null || value.isNull() || schema == null || schema.isMissingNode()) {
            return;
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            check(rule, value, correlated ? old : null, schema, path, errors);
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = properties.get(field.getKey());
                if (fieldSchema == null && additional != null && additional.isObject()) {
                    fieldSchema = additional;
                }
                if (fieldSchema == null || (path.isEmpty() && field.getKey().equals("metadata"))) {
                    continue;
                }
                JsonNode oldField = old == null ? null : old.get(field.getKey());
                visit(field.getValue(), oldField, fieldSchema, SchemaValidator.child(path, field.getKey()),
                        correlated && oldField != null, errors);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                visit(value.get(i), null, schema.path("items"), path + "[" + i + "]", false, errors);
            }
        }
    }

    private static void check(JsonNode rule, JsonNode self, JsonNode oldSelf, JsonNode schema, String path,
            List<FieldError> errors) {
        String expression = rule.path("rule").asText();
        boolean transition = expression.contains("oldSelf");
        boolean optionalOld = transition && rule.path("optionalOldSelf").asBoolean(false);
        if (transition && oldSelf == null && !optionalOld) {
            return;
        }
        String type = schema.path("type").asText("object");
        String fieldPath = rule.path("fieldPath").asText("");
        String errorPath = SchemaValidator.display(fieldPath.isEmpty() ? path
                : path + (fieldPath.startsWith(".") ? fieldPath.substring(path.isEmpty() ? 1 : 0) : "." + fieldPath));
        Map<String, Object> input = optionalOld ? Map.of("self", CelEngine.value(self), "oldSelf",
                oldSelf == null ? Optional.empty() : Optional.of(CelEngine.value(oldSelf)))
                : transition ? Map.of("self", CelEngine.value(self), "oldSelf", CelEngine.value(oldSelf))
                : Map.of("self", CelEngine.value(self));
        Object result;
        try {
            result = program(expression, optionalOld).eval(input);
        } catch (CelEvaluationException e) {
            errors.add(FieldError.invalid(errorPath, type, e.getMessage() + " evaluating rule: " + ruleText(rule)));
            return;
        }
        if (Boolean.TRUE.equals(result)) {
            return;
        }
        String message = rule.has("message") && !rule.path("message").asText().isBlank()
                ? rule.path("message").asText().trim() : "failed rule: " + ruleText(rule);
        if (rule.has("messageExpression")) {
            try {
                Object computed = program(rule.get("messageExpression").asText(), optionalOld).eval(input);
                if (computed instanceof String s && !s.isBlank()) {
                    message = s.trim();
                }
            } catch (CelEvaluationException e) {
                // kube-apiserver falls back to the message (or the rule) when messageExpression fails
            }
        }
        errors.add(switch (rule.path("reason").asText("FieldValueInvalid")) {
            case "FieldValueForbidden" -> new FieldError(FieldError.Type.FORBIDDEN, errorPath, FieldError.OMIT, message);
            case "FieldValueRequired" -> new FieldError(FieldError.Type.REQUIRED, errorPath, FieldError.OMIT, message);
            case "FieldValueDuplicate" -> new FieldError(FieldError.Type.DUPLICATE, errorPath, type, message);
            default -> FieldError.invalid(errorPath, type, message);
        });
    }

    private static CelRuntime.Program program(String expression, boolean optionalOldSelf) {
        return optionalOldSelf ? OPTIONAL_OLD_SELF_PROGRAMS.computeIfAbsent(expression, OPTIONAL_OLD_SELF::compile)
                : PROGRAMS.computeIfAbsent(expression, ENGINE::compile);
    }

    private static String ruleText(JsonNode rule) {
        return rule.has("message") && !rule.path("message").asText().isBlank() ? rule.path("message").asText().trim()
                : rule.path("rule").asText().trim();
    }
}
