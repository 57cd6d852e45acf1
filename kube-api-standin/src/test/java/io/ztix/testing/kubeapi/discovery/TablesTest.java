package io.ztix.testing.kubeapi.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = "{\"metadata\":{\"name\":\"ix\",\"creationTimestamp\":\"2026-01-01T10:00:00Z\"},"
            + "\"spec\":{\"asn\":64501},\"status\":{\"conditions\":[{\"type\":\"Valid\",\"status\":\"True\"},"
            + "{\"type\":\"Ready\",\"status\":\"False\"}]}}";

    @Test
    void jsonPathsOfTheCrdsPickFieldsAndFilteredListElements() throws Exception {
        JsonNode item = JSON.readTree(ITEM);
        assertThat(Tables.evaluate(item, ".spec.asn").asInt()).isEqualTo(64501);
        assertThat(Tables.evaluate(item, ".status.conditions[?(@.type==\"Ready\")].status").asText()).isEqualTo("False");
        assertThat(Tables.evaluate(item, ".status.conditions[?(@.type==\"Gone\")].status")).isNull();
        assertThat(Tables.evaluate(item, ".status.phase")).isNull();
        assertThat(Tables.evaluate(item, "spec.asn")).as("not a JSONPath").isNull();
    }

    @Test
    void aListBecomesATableWithNameThePrinterColumnsAndTheirPriorities() throws Exception {
        String list = "{\"kind\":\"JoinRequestList\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[" + ITEM + "]}";
        List<Tables.Column> columns = List.of(
                new Tables.Column("ASN", "integer", "", "", 0, i -> Tables.evaluate(i, ".spec.asn")),
                new Tables.Column("Phase", "string", "", "", 1, i -> Tables.evaluate(i, ".status.phase")));

        JsonNode table = JSON.readTree(Tables.table(JSON.readTree(list), columns, true));

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions")).extracting(c -> c.path("name").asText())
                .containsExactly("Name", "ASN", "Phase");
        assertThat(table.path("columnDefinitions").get(2).path("priority").asInt()).isEqualTo(1);
        assertThat(table.path("rows").get(0).path("cells").toString()).isEqualTo("[\"ix\",64501,null]");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("name").asText()).isEqualTo("ix");
        assertThat(JSON.readTree(Tables.table(JSON.readTree(ITEM), columns, false)).has("columnDefinitions")).isFalse();
    }

    @Test
    void agesAreShortAsKubectlPrintsThem() {
        Instant now = Instant.parse("2026-01-01T10:05:00Z");
        assertThat(Tables.age("2026-01-01T10:04:15Z", now)).isEqualTo("45s");
        assertThat(Tables.age("2026-01-01T10:00:00Z", now)).isEqualTo("5m");
        assertThat(Tables.age("2025-12-29T10:00:00Z", now)).isEqualTo("3d");
    }
}
