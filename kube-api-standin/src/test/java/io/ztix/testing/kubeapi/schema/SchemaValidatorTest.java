package io.ztix.testing.kubeapi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            {"type":"object","properties":{"spec":{"type":"object","required":["asn","nodeId"],"properties":{
              "asn":{"type":"integer","minimum":1.0,"maximum":4.294967295E9},
              "nodeId":{"type":"string","pattern":"^[0-9a-f]{10}$"},
              "name":{"type":"string","maxLength":5},
              "servers":{"type":"array","maxItems":2,"minItems":1,"items":{"type":"object","properties":{
                "port":{"type":"integer","default":323}}}},
              "approval":{"type":"object","required":["decision"],"properties":{
                "decision":{"type":"string","enum":["Approved","Rejected"]}}}}}}}""";

    private static List<String> errors(String object) throws Exception {
        return SchemaValidator.validate(JSON.readTree(object), JSON.readTree(SCHEMA)).stream().map(FieldError::toString)
                .toList();
    }

    @Test
    void anUnknownDecisionIsAnUnsupportedValueListingTheEnum() throws Exception {
        assertThat(errors("{\"spec\":{\"asn\":64501,\"nodeId\":\"aabbccdd01\",\"approval\":{\"decision\":\"Maybe\"}}}"))
                .containsExactly("spec.approval.decision: Unsupported value: \"Maybe\": supported values: \"Approved\", \"Rejected\"");
    }

    @Test
    void aStringAsnIsATypeErrorAsKubeApiserverWordsIt() throws Exception {
        assertThat(errors("{\"spec\":{\"asn\":\"abc\",\"nodeId\":\"aabbccdd01\"}}"))
                .containsExactly("spec.asn: Invalid value: \"string\": spec.asn in body must be of type integer: \"string\"");
    }

    @Test
    void asnBoundsPrintTheLimitAsGoPrintsAFloat() throws Exception {
        assertThat(errors("{\"spec\":{\"asn\":0,\"nodeId\":\"aabbccdd01\"}}"))
                .containsExactly("spec.asn: Invalid value: 0: spec.asn in body should be greater than or equal to 1");
        assertThat(errors("{\"spec\":{\"asn\":4294967296,\"nodeId\":\"aabbccdd01\"}}")).containsExactly(
                "spec.asn: Invalid value: 4294967296: spec.asn in body should be less than or equal to 4.294967295e+09");
    }

    @Test
    void patternLengthItemsAndRequiredFieldsAreChecked() throws Exception {
        assertThat(errors("{\"spec\":{\"asn\":1,\"nodeId\":\"zz\",\"name\":\"toolong\",\"servers\":[{},{},{}],"
                + "\"approval\":{}}}")).containsExactlyInAnyOrder(
                "spec.nodeId: Invalid value: \"zz\": spec.nodeId in body should match '^[0-9a-f]{10}$'",
                "spec.name: Too long: may not be more than 5 bytes",
                "spec.servers: Too many: 3: must have at most 2 items",
                "spec.approval.decision: Required value");
        assertThat(errors("{\"spec\":{\"servers\":[]}}")).containsExactlyInAnyOrder("spec.asn: Required value",
                "spec.nodeId: Required value", "spec.servers: Invalid value: 0: spec.servers in body should have at least 1 items");
    }

    @Test
    void pruningDropsUndeclaredFieldsAndDefaultingFillsDeclaredOnes() throws Exception {
        JsonNode object = JSON.readTree("{\"apiVersion\":\"v\",\"kind\":\"K\",\"metadata\":{\"name\":\"x\"},"
                + "\"spec\":{\"asn\":1,\"colour\":\"blue\",\"servers\":[{\"port\":null,\"host\":\"h\"}]},\"extra\":1}");
        List<String> pruned = Pruning.pruneUnknown((com.fasterxml.jackson.databind.node.ObjectNode) object, JSON.readTree(SCHEMA));
        Pruning.applyDefaults(object, JSON.readTree(SCHEMA));

        assertThat(pruned).containsExactlyInAnyOrder("spec.colour", "spec.servers[0].host", "extra");
        assertThat(object.toString()).isEqualTo("{\"apiVersion\":\"v\",\"kind\":\"K\",\"metadata\":{\"name\":\"x\"},"
                + "\"spec\":{\"asn\":1,\"servers\":[{\"port\":323}]}}");
    }

    @Test
    void goPrintsFloatsInShortestFormWithAnExponentFromSixDigitsOn() {
        assertThat(GoFormat.number(1.0)).isEqualTo("1");
        assertThat(GoFormat.number(100000.0)).isEqualTo("100000");
        assertThat(GoFormat.number(1.0e7)).isEqualTo("1e+07");
        assertThat(GoFormat.number(4294967295.0)).isEqualTo("4.294967295e+09");
        assertThat(GoFormat.number(0.5)).isEqualTo("0.5");
    }
}
