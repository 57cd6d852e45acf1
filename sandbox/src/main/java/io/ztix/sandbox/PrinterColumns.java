package io.ztix.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a real API server does for {@code kubectl get}: renders custom resources as a {@code meta.k8s.io/v1}
 * Table with the CRD's additionalPrinterColumns. Supports the JSONPath forms the ZT-IX CRDs use
 * ({@code .a.b} and {@code .list[?(@.field=="value")].b}).
 */
final class PrinterColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESOURCE_PATH = Pattern.compile(
            "/apis/([^/]+)/([^/]+)(?:/namespaces/[^/]+)?/([a-z0-9.-]+)(?:/[^/]+)?");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)(?:\\[\\?\\(@\\.([A-Za-z0-9_]+)==\"([^\"]*)\"\\)\\])?");

    private final Map<String, List<CustomResourceColumnDefinition>> columnsByPath = new HashMap<>();

    PrinterColumns(List<CustomResourceDefinition> crds) {
        for (CustomResourceDefinition crd : crds) {
            var version = crd.getSpec().getVersions().get(0);
            columnsByPath.put(crd.getSpec().getGroup() + "/" + version.getName() + "/" + crd.getSpec().getNames().getPlural(),
                    Optional.ofNullable(version.getAdditionalPrinterColumns()).orElse(List.of()));
        }
    }

    /** The columns for a custom-resource GET path (list or single object), if it is one. */
    Optional<List<CustomResourceColumnDefinition>> columnsFor(String pathWithoutQuery) {
        Matcher m = RESOURCE_PATH.matcher(pathWithoutQuery);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(columnsByPath.get(m.group(1) + "/" + m.group(2) + "/" + m.group(3)));
    }

    /** Renders a list or a single object as a Table. */
    static String table(String body, List<CustomResourceColumnDefinition> columns, Instant now) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the mock API answered no JSON: " + body, e);
        }
        List<JsonNode> items = new ArrayList<>();
        if (parsed.has("items")) {
            parsed.get("items").forEach(items::add);
        } else {
            items.add(parsed);
        }
        ObjectNode table = JSON.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.set("metadata", parsed.path("metadata").has("resourceVersion")
                ? JSON.createObjectNode().put("resourceVersion", parsed.path("metadata").path("resourceVersion").asText())
                : JSON.createObjectNode());
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
                .put("description", "Name of the resource").put("priority", 0);
        for (CustomResourceColumnDefinition c : columns) {
            definitions.addObject().put("name", c.getName()).put("type", c.getType())
                    .put("format", Optional.ofNullable(c.getFormat()).orElse(""))
                    .put("description", Optional.ofNullable(c.getDescription()).orElse(""))
                    .put("priority", Optional.ofNullable(c.getPriority()).orElse(0));
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(item.path("metadata").path("name").asText());
            for (CustomResourceColumnDefinition c : columns) {
                JsonNode value = evaluate(item, c.getJsonPath());
                if (value == null || value.isNull() || value.isMissingNode()) {
                    cells.addNull();
                } else if ("date".equals(c.getType())) {
                    cells.add(age(value.asText(), now));
                } else {
                    cells.add(value);
                }
            }
            ObjectNode object = row.putObject("object");
            object.put("kind", "PartialObjectMetadata");
            object.put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", item.path("metadata"));
        }
        return table.toString();
    }

    static JsonNode evaluate(JsonNode item, String jsonPath) {
        Matcher m = STEP.matcher(jsonPath);
        JsonNode current = item;
        int position = 0;
        while (position < jsonPath.length()) {
            if (!m.find(position) || m.start() != position) {
                return null;
            }
            current = current.path(m.group(1));
            if (m.group(2) != null) {
                JsonNode match = null;
                for (JsonNode element : current) {
                    if (m.group(3).equals(element.path(m.group(2)).asText())) {
                        match = element;
                        break;
                    }
                }
                if (match == null) {
                    return null;
                }
                current = match;
            }
            position = m.end();
        }
        return current;
    }

    static String age(String timestamp, Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(timestamp), now);
            if (d.toMinutes() < 2) {
                return Math.max(0, d.toSeconds()) + "s";
            }
            if (d.toHours() < 2) {
                return d.toMinutes() + "m";
            }
            return d.toDays() < 2 ? d.toHours() + "h" : d.toDays() + "d";
        } catch (DateTimeParseException e) {
            return timestamp;
        }
    }
}
