package io.ztix.testing.kubeapi.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.ztix.testing.kubeapi.CustomResourceTypes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kube-apiserver answers when kubectl asks for {@code as=Table}: custom resources with their CRD's
 * additionalPrinterColumns (JSONPaths {@code .a.b} and {@code .list[?(@.field=="value")].b}), Events with the
 * columns kubectl shows for them (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; more with -o wide).
 */
public final class Tables {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile(
            "\\.([A-Za-z0-9_-]+)(?:\\[\\?\\(@\\.([A-Za-z0-9_]+)==\"([^\"]*)\"\\)\\])?");

    /** One column: its definition and how a cell is computed from an object. */
    public record Column(String name, String type, String format, String description, int priority,
            Function<JsonNode, JsonNode> cell) {
    }

    private final Map<String, List<Column>> columnsByResource = new HashMap<>();

    public Tables(CustomResourceTypes types) {
        for (CustomResourceTypes.Type type : types.types()) {
            List<Column> columns = new ArrayList<>();
            for (CustomResourceColumnDefinition c : Optional.ofNullable(type.versionSpec().getAdditionalPrinterColumns())
                    .orElse(List.of())) {
                String jsonPath = c.getJsonPath();
                boolean date = "date".equals(c.getType());
                columns.add(new Column(c.getName(), c.getType(), Optional.ofNullable(c.getFormat()).orElse(""),
                        Optional.ofNullable(c.getDescription()).orElse(""), Optional.ofNullable(c.getPriority()).orElse(0),
                        item -> {
                            JsonNode value = evaluate(item, jsonPath);
                            return date && value != null ? JSON.getNodeFactory().textNode(age(value.asText(), Instant.now()))
                                    : value;
                        }));
            }
            columnsByResource.put(type.group() + "/" + type.version() + "/" + type.plural(), columns);
        }
        columnsByResource.put("/v1/events", EventColumns.columns());
    }

    /** The columns for a resource (group "", version "v1", "events" for Events), if it has any. */
    public Optional<List<Column>> columnsFor(String group, String version, String resource) {
        return Optional.ofNullable(columnsByResource.get(group + "/" + version + "/" + resource));
    }

    /** A list or a single object as a Table. */
    public static String table(JsonNode parsed, List<Column> columns, boolean withDefinitions) {
        List<JsonNode> items = new ArrayList<>();
        if (parsed.has("items")) {
            parsed.get("items").forEach(items::add);
        } else {
            items.add(parsed);
        }
        ObjectNode table = JSON.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        if (parsed.path("metadata").has("resourceVersion")) {
            metadata.put("resourceVersion", parsed.path("metadata").path("resourceVersion").asText());
        }
        if (withDefinitions) {
            ArrayNode definitions = table.putArray("columnDefinitions");
            definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
                    .put("description", "Name must be unique within a namespace.").put("priority", 0);
            for (Column c : columns) {
                definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(item.path("metadata").path("name").asText());
            for (Column c : columns) {
                JsonNode value = c.cell().apply(item);
                if (value == null || value.isNull() || value.isMissingNode()) {
                    cells.addNull();
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
        return current.isMissingNode() ? null : current;
    }

    /** kubectl's short age: 45s, 12m, 5h, 3d. */
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
