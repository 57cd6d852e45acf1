package io.ztix.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterColumnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = "{\"metadata\":{\"name\":\"ix\",\"creationTimestamp\":\"2026-01-01T10:00:00Z\"},"
            + "\"spec\":{\"asn\":64501},\"status\":{\"conditions\":[{\"type\":\"Valid\",\"status\":\"True\"},"
            + "{\"type\":\"Ready\",\"status\":\"False\"}]}}";

    @Test
    void jsonPathsOfTheCrdsPickFieldsAndFilteredListElements() throws Exception {
        JsonNode item = JSON.readTree(ITEM);
        assertThat(PrinterColumns.evaluate(item, ".spec.asn").asInt()).isEqualTo(64501);
        assertThat(PrinterColumns.evaluate(item, ".status.conditions[?(@.type==\"Ready\")].status").asText())
                .isEqualTo("False");
        assertThat(PrinterColumns.evaluate(item, ".status.conditions[?(@.type==\"Gone\")].status")).isNull();
        assertThat(PrinterColumns.evaluate(item, "spec.asn")).as("not a JSONPath").isNull();
    }

    @Test
    void aListBecomesATableWithNameThePrinterColumnsAndAges() throws Exception {
        String list = "{\"kind\":\"JoinRequestList\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[" + ITEM + "]}";
        JsonNode table = JSON.readTree(PrinterColumns.table(list, List.of(
                new CustomResourceColumnDefinitionBuilder().withName("Age").withType("date")
                        .withJsonPath(".metadata.creationTimestamp").build(),
                new CustomResourceColumnDefinitionBuilder().withName("ASN").withType("integer")
                        .withJsonPath(".spec.asn").build(),
                new CustomResourceColumnDefinitionBuilder().withName("Phase").withType("string")
                        .withJsonPath(".status.phase").build()), Instant.parse("2026-01-01T10:05:00Z")));
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions")).extracting(c -> c.path("name").asText())
                .containsExactly("Name", "Age", "ASN", "Phase");
        assertThat(table.path("rows").get(0).path("cells").toString()).isEqualTo("[\"ix\",\"5m\",64501,null]");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("name").asText()).isEqualTo("ix");
    }
}
