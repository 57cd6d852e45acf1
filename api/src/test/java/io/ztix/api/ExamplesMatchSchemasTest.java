package io.ztix.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every ztix.io resource in examples/ validates against the generated CRD schema, checked strictly (an
 * unknown field is an error, as with {@code kubectl apply --validate=strict}).
 */
class ExamplesMatchSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, JsonNode> crds = Crds.byKind();

    @Test
    void everyExampleResourceIsValid() {
        List<JsonNode> resources = exampleResources();
        assertThat(resources).extracting(r -> r.get("kind").asText())
                .contains("ZtNetwork", "RouteServer", "JoinRequest", "Secret");
        for (JsonNode resource : resources) {
            if (resource.get("apiVersion").asText().startsWith("ztix.io/")) {
                assertThat(errors(resource)).as(resource.get("kind") + " " + resource.at("/metadata/name")).isEmpty();
            }
        }
    }

    @Test
    void approvalAndRejectionPatchesInTheExamplesProduceValidRequests() throws IOException {
        JsonNode request = exampleResources().stream().filter(r -> r.get("kind").asText().equals("JoinRequest")).findFirst().orElseThrow();
        List<String> patches = patchesIn(RepoFiles.root().resolve("examples/approve.sh"));
        assertThat(patches).hasSize(2);
        for (String patch : patches) {
            ObjectNode patched = request.deepCopy();
            ((ObjectNode) patched.get("spec")).set("approval", JSON.readTree(patch).at("/spec/approval"));
            assertThat(errors(patched)).as(patch).isEmpty();
        }
    }

    @Test
    void strictValidationCatchesTyposAndBadValues() {
        JsonNode request = exampleResources().stream().filter(r -> r.get("kind").asText().equals("JoinRequest")).findFirst().orElseThrow();
        ObjectNode typo = request.deepCopy();
        ((ObjectNode) typo.get("spec")).put("nodeID", "aabbccdd01");
        assertThat(errors(typo)).anyMatch(e -> e.contains("nodeID"));

        ObjectNode badNode = request.deepCopy();
        ((ObjectNode) badNode.get("spec")).put("nodeId", "AABBCCDD01");
        assertThat(errors(badNode)).anyMatch(e -> e.contains("nodeId"));

        ObjectNode noAsn = request.deepCopy();
        ((ObjectNode) noAsn.get("spec")).remove("asn");
        assertThat(errors(noAsn)).anyMatch(e -> e.contains("asn"));
    }

    private List<String> errors(JsonNode resource) {
        JsonNode crd = crds.get(resource.get("kind").asText());
        assertThat(crd).as("CRD for kind " + resource.get("kind")).isNotNull();
        JsonNode strictSchema = strict(Crds.schema(crd).deepCopy());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(strictSchema.toString(), InputFormat.JSON);
        ObjectNode withoutTypeMeta = resource.deepCopy();
        // apiVersion, kind and metadata are checked by the API server itself, not by the CRD schema.
        withoutTypeMeta.remove(List.of("apiVersion", "kind", "metadata"));
        return schema.validate(withoutTypeMeta.toString(), InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Forbid fields the schema does not name, everywhere the schema names its properties. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(e -> strict(e.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(ExamplesMatchSchemasTest::strict);
        }
        return node;
    }

    private static List<JsonNode> exampleResources() {
        List<JsonNode> all = new ArrayList<>();
        for (Path file : RepoFiles.yamlFiles(RepoFiles.root().resolve("examples"))) {
            all.addAll(Crds.read(file));
        }
        return all;
    }

    /** The JSON of each {@code -p '...'} in a shell script (commented-out ones included), with the whoami substitution filled in. */
    private static List<String> patchesIn(Path script) throws IOException {
        String text = Files.readString(script).replaceAll("(?m)^#\\s*", "").replaceAll("\\\\\\n\\s*", " ");
        text = text.replaceAll("'\"\\$\\(kubectl auth whoami[^)]*\\)\"'", "alice");
        Matcher m = Pattern.compile("-p '([^']*)'").matcher(text);
        List<String> patches = new ArrayList<>();
        while (m.find()) {
            patches.add(m.group(1));
        }
        return patches;
    }
}
