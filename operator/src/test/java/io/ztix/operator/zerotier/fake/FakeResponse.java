package io.ztix.operator.zerotier.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An answer of a fake controller.
 *
 * @param body null for no body at all (how zerotier-one answers 404)
 */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public FakeResponse {
        headers = Map.copyOf(headers);
    }

    public static FakeResponse json(int status, JsonNode body) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json"), body.toString());
    }

    public static FakeResponse ok(JsonNode body) {
        return json(200, body);
    }

    public static FakeResponse empty(int status) {
        return new FakeResponse(status, Map.of(), null);
    }
}
