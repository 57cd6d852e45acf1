package io.ztix.testing.kubeapi.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.ztix.testing.kubeapi.Identity;
import io.ztix.testing.kubeapi.cel.CelEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ValidatingAdmissionPolicy with its binding, evaluated as kube-apiserver does for a request it matches:
 * match constraints (resource rules, then matchConditions), the variables in order, then the validations; the
 * first failed validation decides. Deny answers the failure; Warn only adds a warning.
 */
public final class AdmissionPolicy {

    /** A denied or warned request: the Status reason and HTTP code to answer, and the message. */
    public record Violation(String reason, int code, String message, boolean deny) {
    }

    private record Validation(CelRuntime.Program check, String expression, CelRuntime.Program messageExpression,
            String message, String reason) {
    }

    private static final CelEngine ENGINE = new CelEngine(List.of("object", "oldObject", "request", "variables",
            "params", "namespaceObject", "authorizer"));

    private final String name;
    private final String bindingName;
    private final boolean deny;
    private final boolean warn;
    private final boolean failOnError;
    private final List<JsonNode> resourceRules = new ArrayList<>();
    private final Map<String, CelRuntime.Program> matchConditions = new LinkedHashMap<>();
    private final Map<String, CelRuntime.Program> variables = new LinkedHashMap<>();
    private final List<Validation> validations = new ArrayList<>();

    public AdmissionPolicy(JsonNode policy, JsonNode binding) {
        this.name = policy.path("metadata").path("name").asText();
        this.bindingName = binding.path("metadata").path("name").asText();
        List<String> actions = new ArrayList<>();
        binding.path("spec").path("validationActions").forEach(a -> actions.add(a.asText()));
        this.deny = actions.contains("Deny");
        this.warn = actions.contains("Warn");
        this.failOnError = !"Ignore".equals(policy.path("spec").path("failurePolicy").asText("Fail"));
        policy.path("spec").path("matchConstraints").path("resourceRules").forEach(resourceRules::add);
        for (JsonNode condition : policy.path("spec").path("matchConditions")) {
            matchConditions.put(condition.path("name").asText(), ENGINE.compile(condition.path("expression").asText()));
        }
        for (JsonNode variable : policy.path("spec").path("variables")) {
            variables.put(variable.path("name").asText(), ENGINE.compile(variable.path("expression").asText()));
        }
        for (JsonNode v : policy.path("spec").path("validations")) {
            validations.add(new Validation(ENGINE.compile(v.path("expression").asText()), v.path("expression").asText(),
                    v.has("messageExpression") ? ENGINE.compile(v.path("messageExpression").asText()) : null,
                    v.path("message").asText(null), v.path("reason").asText("Invalid")));
        }
    }

    public String name() {
        return name;
    }

    /** Whether the policy applies to this operation (CREATE, UPDATE, DELETE) on group/version/resource[/sub]. */
    public boolean matches(String operation, String group, String version, String resource, String subresource) {
        String full = subresource.isEmpty() ? resource : resource + "/" + subresource;
        return resourceRules.stream().anyMatch(rule -> listed(rule.path("operations"), operation)
                && listed(rule.path("apiGroups"), group) && listed(rule.path("apiVersions"), version)
                && (listed(rule.path("resources"), full) || (subresource.isEmpty() ? false
                        : listed(rule.path("resources"), resource + "/*"))));
    }

    private static boolean listed(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.asText().equals("*") || v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Evaluates a matching request; empty when it is admitted without a word. */
    public Optional<Violation> admit(Map<String, Object> request, JsonNode object, JsonNode oldObject) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("object", object == null ? NullValue.NULL_VALUE : CelEngine.value(object));
        input.put("oldObject", oldObject == null ? NullValue.NULL_VALUE : CelEngine.value(oldObject));
        input.put("request", request);
        input.put("params", NullValue.NULL_VALUE);
        Map<String, Object> computed = new LinkedHashMap<>();
        input.put("variables", computed);
        try {
            for (CelRuntime.Program condition : matchConditions.values()) {
                if (!Boolean.TRUE.equals(condition.eval(input))) {
                    return Optional.empty();
                }
            }
            for (Map.Entry<String, CelRuntime.Program> variable : variables.entrySet()) {
                computed.put(variable.getKey(), variable.getValue().eval(input));
            }
        } catch (CelEvaluationException e) {
            return failed("expression resulted in error: " + e.getMessage());
        }
        for (Validation validation : validations) {
            Object passed;
            try {
                passed = validation.check().eval(input);
            } catch (CelEvaluationException e) {
                return failed("expression '" + validation.expression() + "' resulted in error: " + e.getMessage());
            }
            if (!Boolean.TRUE.equals(passed)) {
                return verdict(validation.reason(), message(validation, input));
            }
        }
        return Optional.empty();
    }

    private Optional<Violation> failed(String detail) {
        return failOnError ? verdict("Invalid", detail) : Optional.empty();
    }

    private Optional<Violation> verdict(String reason, String detail) {
        if (!deny && !warn) {
            return Optional.empty();
        }
        String text = deny ? "ValidatingAdmissionPolicy '" + name + "' with binding '" + bindingName
                + "' denied request: " + detail
                : "Validation failed for ValidatingAdmissionPolicy '" + name + "' with binding '" + bindingName + "': "
                + detail;
        return Optional.of(new Violation(reason, code(reason), text, deny));
    }

    private static String message(Validation validation, Map<String, Object> input) {
        if (validation.messageExpression() != null) {
            try {
                Object message = validation.messageExpression().eval(input);
                if (message instanceof String s && !s.isBlank() && !s.contains("\n")) {
                    return s.trim();
                }
            } catch (CelEvaluationException e) {
                // kube-apiserver falls back to message, then to the expression
            }
        }
        if (validation.message() != null && !validation.message().isBlank()) {
            return validation.message();
        }
        return "failed expression: " + validation.expression();
    }

    private static int code(String reason) {
        return switch (reason) {
            case "Unauthorized" -> 401;
            case "Forbidden" -> 403;
            case "RequestEntityTooLarge" -> 413;
            default -> 422;
        };
    }

    /** The {@code request} variable: operation, who, what. */
    public static Map<String, Object> request(String operation, Identity caller, String group, String version,
            String kind, String resource, String subresource, String namespace, String objectName) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("operation", operation);
        request.put("userInfo", Map.of("username", caller.username(), "groups", caller.groups()));
        request.put("kind", Map.of("group", group, "version", version, "kind", kind));
        request.put("resource", Map.of("group", group, "version", version, "resource", resource));
        request.put("subResource", subresource);
        request.put("namespace", namespace == null ? "" : namespace);
        request.put("name", objectName == null ? "" : objectName);
        request.put("dryRun", false);
        return request;
    }
}
