package io.ztix.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The documents of a rendered chart, looked up by kind and name. */
record Manifests(List<JsonNode> documents) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Manifests parse(String rendered) {
        try (var parser = YAML.createParser(rendered)) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.has("kind")) {
                    documents.add(doc);
                }
            });
            return new Manifests(List.copyOf(documents));
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered chart is not YAML", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode one(String kind, String name) {
        List<JsonNode> found = ofKind(kind).stream().filter(d -> name.equals(name(d))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + name + ", found " + found.size() + " among " + summary());
        }
        return found.get(0);
    }

    JsonNode deployment(String component) {
        return one("Deployment", Chart.RELEASE + "-zt-ix-" + component);
    }

    List<String> summary() {
        return documents.stream().map(d -> d.path("kind").asText() + "/" + namespace(d) + "/" + name(d)).toList();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode doc) {
        return doc.path("metadata").path("namespace").asText("");
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array) {
        return elements(array).stream().map(JsonNode::asText).toList();
    }
}
