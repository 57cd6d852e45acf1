package io.ztix.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The generated CRDs, parsed. */
final class Crds {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Crds() {
    }

    /** kind -> the CRD document. */
    static Map<String, JsonNode> byKind() {
        Map<String, JsonNode> crds = new TreeMap<>();
        for (Path file : RepoFiles.yamlFiles(RepoFiles.generatedCrds())) {
            JsonNode crd = read(file).get(0);
            crds.put(crd.at("/spec/names/kind").asText(), crd);
        }
        return crds;
    }

    static JsonNode schema(JsonNode crd) {
        return crd.at("/spec/versions/0/schema/openAPIV3Schema");
    }

    /** Every CEL rule of a CRD as "json/pointer/of/owner: rule". */
    static List<String> celRules(JsonNode crd) {
        List<String> rules = new ArrayList<>();
        collectRules(schema(crd), "", rules);
        return rules;
    }

    private static void collectRules(JsonNode node, String path, List<String> rules) {
        node.path("x-kubernetes-validations").forEach(v -> rules.add((path.isEmpty() ? "." : path) + ": " + v.get("rule").asText()));
        node.path("properties").fields().forEachRemaining(e -> collectRules(e.getValue(), path + "." + e.getKey(), rules));
        if (node.has("items")) {
            collectRules(node.get("items"), path + "[]", rules);
        }
    }

    static List<JsonNode> read(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
