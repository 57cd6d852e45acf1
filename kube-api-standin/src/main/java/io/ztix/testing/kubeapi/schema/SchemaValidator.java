package io.ztix.testing.kubeapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAPI v3 structural-schema validation as kube-apiserver does it for custom resources (k8s.io/kube-openapi's
 * validator, with apiextensions' conversion of its results into field errors): types, enum, string lengths,
 * patterns, formats, numeric bounds, item counts and list uniqueness, required and object properties. Errors carry
 * kube-apiserver's field paths and messages.
 */
public final class SchemaValidator {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private SchemaValidator() {
    }

    /** Validates a whole custom resource against its CRD version's openAPIV3Schema. */
    public static List<FieldError> validate(JsonNode object, JsonNode schema) {
        List<FieldError> errors = new ArrayList<>();
        validate(object, schema, "", errors);
        return errors;
    }

    static void validate(JsonNode value, JsonNode schema, String path, List<FieldError> errors) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return;
        }
        String type = schema.path("type").asText("");
        if (value == null || value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && !type.isEmpty()) {
                errors.add(typeError(path, "null", type));
            }
            return;
        }
        if (!typeMatches(value, schema, type)) {
            errors.add(typeError(path, typeName(value), schema.path("x-kubernetes-int-or-string").asBoolean(false)
                    ? "integer,string" : type));
            return;
        }
        if (schema.has("enum")) {
            List<JsonNode> allowed = new ArrayList<>();
            schema.get("enum").forEach(allowed::add);
            if (allowed.stream().noneMatch(a -> sameValue(a, value))) {
                errors.add(FieldError.notSupported(display(path), value, allowed));
            }
        }
        if (value.isTextual()) {
            validateString(value.asText(), schema, path, errors);
        } else if (value.isNumber()) {
            validateNumber(value, schema, path, errors);
        } else if (value.isArray()) {
            validateArray(value, schema, path, errors);
        } else if (value.isObject()) {
            validateObject(value, schema, path, errors);
        }
        for (JsonNode part : schema.path("allOf")) {
            validate(value, part, path, errors);
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode schema, String type) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return value.isTextual() || value.isIntegralNumber();
        }
        return switch (type) {
            case "" -> true;
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    /** The JSON type name kube-apiserver reports for a value. */
    static String typeName(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    private static FieldError typeError(String path, String actual, String expected) {
        return FieldError.typeInvalid(display(path), actual,
                display(path) + " in body must be of type " + expected + ": " + GoFormat.quote(actual));
    }

    private static void validateString(String s, JsonNode schema, String path, List<FieldError> errors) {
        int length = s.codePointCount(0, s.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
            errors.add(FieldError.tooLong(display(path), schema.get("maxLength").asLong()));
        }
        if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
            errors.add(FieldError.invalid(display(path), s, display(path) + " in body should be at least "
                    + schema.get("minLength").asLong() + " chars long"));
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            if (!PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(s).find()) {
                errors.add(FieldError.invalid(display(path), s, display(path) + " in body should match '" + pattern + "'"));
            }
        }
        if (schema.has("format") && !Formats.matches(schema.get("format").asText(), s)) {
            errors.add(FieldError.invalid(display(path), s, display(path) + " in body must be of type "
                    + schema.get("format").asText() + ": " + GoFormat.quote(s)));
        }
    }

    private static void validateNumber(JsonNode value, JsonNode schema, String path, List<FieldError> errors) {
        double v = value.asDouble();
        Object bad = GoFormat.plain(value);
        if (schema.has("maximum")) {
            double max = schema.get("maximum").asDouble();
            boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
            if (exclusive ? v >= max : v > max) {
                errors.add(FieldError.invalid(display(path), bad, display(path) + " in body should be less than "
                        + (exclusive ? "" : "or equal to ") + GoFormat.number(max)));
            }
        }
        if (schema.has("minimum")) {
            double min = schema.get("minimum").asDouble();
            boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
            if (exclusive ? v <= min : v < min) {
                errors.add(FieldError.invalid(display(path), bad, display(path) + " in body should be greater than "
                        + (exclusive ? "" : "or equal to ") + GoFormat.number(min)));
            }
        }
        if (schema.has("multipleOf")) {
            double factor = schema.get("multipleOf").asDouble();
            double quotient = v / factor;
            if (quotient != Math.rint(quotient)) {
                errors.add(FieldError.invalid(display(path), bad, display(path) + " in body should be a multiple of "
                        + GoFormat.number(factor)));
            }
        }
    }

    private static void validateArray(JsonNode array, JsonNode schema, String path, List<FieldError> errors) {
        if (schema.has("maxItems") && array.size() > schema.get("maxItems").asLong()) {
            errors.add(FieldError.tooMany(display(path), array.size(), schema.get("maxItems").asLong()));
        }
        if (schema.has("minItems") && array.size() < schema.get("minItems").asLong()) {
            errors.add(FieldError.invalid(display(path), (long) array.size(), display(path)
                    + " in body should have at least " + schema.get("minItems").asLong() + " items"));
        }
        String listType = schema.path("x-kubernetes-list-type").asText("");
        if (schema.path("uniqueItems").asBoolean(false) || listType.equals("set")) {
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                if (!seen.add(array.get(i))) {
                    errors.add(FieldError.duplicate(path + "[" + i + "]", array.get(i)));
                }
            }
        }
        if (listType.equals("map")) {
            Set<List<JsonNode>> keys = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                List<JsonNode> key = new ArrayList<>();
                for (JsonNode k : schema.path("x-kubernetes-list-map-keys")) {
                    key.add(array.get(i).path(k.asText()));
                }
                if (!keys.add(key)) {
                    errors.add(FieldError.duplicate(path + "[" + i + "]", array.get(i)));
                }
            }
        }
        for (int i = 0; i < array.size(); i++) {
            validate(array.get(i), schema.get("items"), path + "[" + i + "]", errors);
        }
    }

    private static void validateObject(JsonNode object, JsonNode schema, String path, List<FieldError> errors) {
        for (JsonNode required : schema.path("required")) {
            JsonNode present = object.get(required.asText());
            if (present == null || present.isNull()) {
                errors.add(FieldError.required(child(path, required.asText())));
            }
        }
        if (schema.has("maxProperties") && object.size() > schema.get("maxProperties").asLong()) {
            errors.add(FieldError.tooMany(display(path), object.size(), schema.get("maxProperties").asLong()));
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (path.isEmpty() && ObjectMetaValidation.isTopLevelMetaField(field.getKey())) {
                continue;
            }
            JsonNode fieldSchema = properties.get(field.getKey());
            if (fieldSchema == null && additional != null && additional.isObject()) {
                fieldSchema = additional;
            }
            if (fieldSchema != null) {
                validate(field.getValue(), fieldSchema, child(path, field.getKey()), errors);
            }
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** A child field path in kube-apiserver's notation ({@code spec.approval}). */
    public static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The object itself is printed as {@code <nil>}, every other path as it is. */
    public static String display(String path) {
        return path.isEmpty() ? FieldError.ROOT : path;
    }
}
