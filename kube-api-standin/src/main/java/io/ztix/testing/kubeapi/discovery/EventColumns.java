package io.ztix.testing.kubeapi.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;

/** The columns kube-apiserver prints for core/v1 Events (as kubectl get events shows them). */
final class EventColumns {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventColumns() {
    }

    static List<Tables.Column> columns() {
        return List.of(
                new Tables.Column("Last Seen", "string", "", "Time when last event occurred", 0,
                        e -> NODES.textNode(Tables.age(lastSeen(e), Instant.now()))),
                new Tables.Column("Type", "string", "", "Type of this event", 0, e -> text(e.path("type"))),
                new Tables.Column("Reason", "string", "", "Reason why this event was generated", 0,
                        e -> text(e.path("reason"))),
                new Tables.Column("Object", "string", "", "The object that this event is about", 0,
                        e -> NODES.textNode(e.path("involvedObject").path("kind").asText().toLowerCase() + "/"
                                + e.path("involvedObject").path("name").asText())),
                new Tables.Column("Subobject", "string", "", "The subobject that this event is about", 1,
                        e -> NODES.textNode(e.path("involvedObject").path("fieldPath").asText(""))),
                new Tables.Column("Source", "string", "", "The source of this event", 1,
                        e -> NODES.textNode(source(e))),
                new Tables.Column("Message", "string", "", "A human-readable description of the status of this event",
                        0, e -> text(e.path("message"))),
                new Tables.Column("First Seen", "string", "", "Time when first event occurred", 1,
                        e -> NODES.textNode(Tables.age(firstSeen(e), Instant.now()))),
                new Tables.Column("Count", "string", "", "Number of times this event has occurred", 1,
                        e -> NODES.textNode(e.path("count").asText(e.has("series")
                                ? e.path("series").path("count").asText("1") : "1"))),
                new Tables.Column("Name", "string", "", "The name of this event", 1,
                        e -> NODES.textNode(e.path("metadata").path("name").asText())));
    }

    private static JsonNode text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? NODES.textNode("") : NODES.textNode(value.asText());
    }

    private static String lastSeen(JsonNode e) {
        for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
            if (!e.path(field).asText("").isEmpty()) {
                return e.path(field).asText();
            }
        }
        return e.path("metadata").path("creationTimestamp").asText("");
    }

    private static String firstSeen(JsonNode e) {
        for (String field : List.of("firstTimestamp", "eventTime", "lastTimestamp")) {
            if (!e.path(field).asText("").isEmpty()) {
                return e.path(field).asText();
            }
        }
        return e.path("metadata").path("creationTimestamp").asText("");
    }

    private static String source(JsonNode e) {
        String component = e.path("source").path("component").asText(e.path("reportingComponent").asText(""));
        String host = e.path("source").path("host").asText("");
        return host.isEmpty() ? component : component + ", " + host;
    }
}
