package io.ztix.testing.kubeapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks up a value by a kube-apiserver field path such as {@code status.conditions[0].type}. */
final class FieldPaths {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    private FieldPaths() {
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            node = m.group(1) != null ? node.path(m.group(1)) : node.path(Integer.parseInt(m.group(2)));
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
