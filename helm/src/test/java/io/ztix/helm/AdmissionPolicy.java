package io.ztix.helm;

import static io.ztix.helm.Manifests.elements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.ztix.testing.kubeapi.cel.CelEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered ValidatingAdmissionPolicy, evaluated with a CEL engine the way the API server does: the
 * matchConditions (a request failing one is not checked at all), the variables in order (each may use the ones before it through {@code variables}), then every validation;
 * {@code object}, {@code oldObject} (null on CREATE) and {@code request} are dynamic values, as for a
 * custom resource.
 */
final class AdmissionPolicy {

    /** The outcome of one admission request. */
    record Verdict(List<String> violations) {
        boolean allowed() {
            return violations.isEmpty();
        }
    }

    private record Validation(CelRuntime.Program check, CelRuntime.Program message, String fixedMessage) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** kube-apiserver's CEL environment (standard macros, strings extension), shared with the API stand-in. */
    private static final CelEngine CEL = new CelEngine(List.of("object", "oldObject", "request", "variables"));

    private final List<CelRuntime.Program> matchConditions = new ArrayList<>();
    private final Map<String, CelRuntime.Program> variables = new LinkedHashMap<>();
    private final List<Validation> validations = new ArrayList<>();

    AdmissionPolicy(JsonNode policy) {
        for (JsonNode condition : elements(policy.at("/spec/matchConditions"))) {
            matchConditions.add(program(condition.path("expression").asText()));
        }
        for (JsonNode variable : elements(policy.at("/spec/variables"))) {
            variables.put(variable.path("name").asText(), program(variable.path("expression").asText()));
        }
        for (JsonNode validation : elements(policy.at("/spec/validations"))) {
            validations.add(new Validation(program(validation.path("expression").asText()),
                    validation.has("messageExpression") ? program(validation.path("messageExpression").asText()) : null,
                    validation.path("message").asText(null)));
        }
        if (validations.isEmpty()) {
            throw new AssertionError("the policy has no validations");
        }
    }

    Verdict admit(String operation, Object newObject, Object oldObject, String user, List<String> groups) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("object", celValue(newObject));
        input.put("oldObject", celValue(oldObject));
        input.put("request", celValue(Map.of("operation", operation,
                "userInfo", Map.of("username", user, "groups", groups))));
        Map<String, Object> computed = new LinkedHashMap<>();
        input.put("variables", computed);
        for (CelRuntime.Program condition : matchConditions) {
            // the API server skips the policy for a request that does not match every matchCondition
            if (Boolean.FALSE.equals(eval(condition, input, "matchCondition"))) {
                return new Verdict(List.of());
            }
        }
        variables.forEach((name, program) -> computed.put(name, eval(program, input, "variable " + name)));
        List<String> violations = new ArrayList<>();
        for (Validation validation : validations) {
            Object passed = eval(validation.check(), input, "validation");
            if (!(passed instanceof Boolean)) {
                throw new AssertionError("a validation returned " + passed + " instead of a boolean");
            }
            if (!(Boolean) passed) {
                violations.add(validation.message() != null ? String.valueOf(eval(validation.message(), input, "messageExpression"))
                        : validation.fixedMessage());
            }
        }
        return new Verdict(violations);
    }

    private static CelRuntime.Program program(String expression) {
        try {
            return CEL.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the policy's CEL does not compile: " + e.getMessage(), e);
        }
    }

    private static Object eval(CelRuntime.Program program, Map<String, Object> input, String what) {
        try {
            return program.eval(input);
        } catch (CelEvaluationException e) {
            // The API server treats an evaluation error as a failure (failurePolicy: Fail): no test may hit one.
            throw new AssertionError(what + " failed to evaluate: " + e.getMessage(), e);
        }
    }

    /** JSON-like Java values (maps, lists, numbers) as CEL values: integers are int64, null is CEL null. */
    static Object celValue(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        JsonNode node = value instanceof JsonNode json ? json : JSON.valueToTree(value);
        return CelEngine.value(node);
    }
}
