package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code fieldSelector} as kube-apiserver reads it: comma-separated {@code path=value}, {@code path==value}
 * or {@code path!=value} over dotted field paths ({@code metadata.name}, {@code involvedObject.uid}, ...); a
 * missing field compares as the empty string.
 */
record FieldSelector(List<Requirement> requirements) {

    record Requirement(String path, String value, boolean equal) {
        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String step : path.split("\\.")) {
                node = node.path(step);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return equal == actual.equals(value);
        }
    }

    static FieldSelector parse(String selector) {
        List<Requirement> requirements = new ArrayList<>();
        if (selector != null) {
            for (String part : selector.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int ne = part.indexOf("!=");
                if (ne > 0) {
                    requirements.add(new Requirement(part.substring(0, ne).trim(), part.substring(ne + 2).trim(), false));
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + part + "'");
                }
                int valueStart = part.startsWith("==", eq) ? eq + 2 : eq + 1;
                requirements.add(new Requirement(part.substring(0, eq).trim(), part.substring(valueStart).trim(), true));
            }
        }
        return new FieldSelector(List.copyOf(requirements));
    }

    boolean isEmpty() {
        return requirements.isEmpty();
    }

    boolean matches(JsonNode object) {
        return requirements.stream().allMatch(r -> r.matches(object));
    }
}
