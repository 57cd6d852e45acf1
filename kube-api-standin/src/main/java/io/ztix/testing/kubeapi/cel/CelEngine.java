package io.ztix.testing.kubeapi.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CEL environment kube-apiserver evaluates CRD rules and admission policies in (the standard macros, the
 * strings extension library and optional values), with every variable dynamically typed, as custom-resource values
 * are; an optional variable (a rule's {@code oldSelf} under {@code optionalOldSelf}) is an optional of dyn, bound
 * to a {@link java.util.Optional}.
 */
public final class CelEngine {

    private final Cel cel;

    public CelEngine(List<String> variables) {
        this(variables, List.of());
    }

    public CelEngine(List<String> variables, List<String> optionalVariables) {
        var builder = CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional());
        variables.forEach(v -> builder.addVar(v, SimpleType.DYN));
        optionalVariables.forEach(v -> builder.addVar(v, OptionalType.create(SimpleType.DYN)));
        this.cel = builder.build();
    }

    /** Compiles an expression; a compile error is a bad CRD or policy, which a real API server would refuse. */
    public CelRuntime.Program compile(String expression) {
        try {
            return cel.createProgram(cel.compile(expression).getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("CEL expression does not compile: " + expression + "\n" + e.getMessage(), e);
        }
    }

    /** A JSON value as the CEL value a custom resource's field becomes: maps, lists, int64, double, null. */
    public static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(e -> list.add(value(e)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
