package io.ztix.operator.zerotier.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the recorded session of a real zerotier-one 1.14.1 controller against the fake and compares
 * every status code and body (timestamps and the random network ID aside): the fake is only worth
 * something while it answers like the real controller.
 */
class SelfHostedFakeTranscriptTest {

    private static final String TOKEN = "transcript-token-5d1c0a9e";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TIMES = Set.of("creationTime", "clock", "lastAuthorizedTime", "lastDeauthorizedTime");
    private static final Pattern JSON_ERROR = Pattern.compile("^\\{\"error\": (\\d+), \"description\": \"(\\[json\\.exception[^\\]]*\\])");
    private static final Pattern INLINE = Pattern.compile("(\\S+) (\\S+)(?: \\((.*)\\))? -> (\\{\\} )?HTTP (\\d{3})");

    private final SelfHostedFake fake = SelfHostedFake.started("b23b7482a7", TOKEN);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopFake() {
        fake.stop();
    }

    @Test
    void theFakeAnswersTheRecordedSessionLikeTheRealController() throws Exception {
        List<Exchange> session = readTranscript();
        assertEquals(40, session.size(), "every recorded exchange is replayed");
        Map<String, String> renamedIds = new HashMap<>();
        for (Exchange exchange : session) {
            Exchange actual = exchange.withIds(renamedIds);
            HttpResponse<String> response = send(actual);
            String where = exchange.method + " " + exchange.path;
            assertEquals(exchange.status, response.statusCode(), where);
            if (exchange.path.endsWith("______")) {
                String recorded = JSON.readTree(exchange.body).get("id").asText();
                renamedIds.put(recorded, JSON.readTree(response.body()).get("id").asText());
                actual = exchange.withIds(renamedIds);
            }
            if (actual.body == null) {
                assertTrue(response.body().isEmpty(), where + " should answer without a body, got " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").isEmpty(), where + " has a content type");
            } else if (!actual.body.equals("?")) {
                assertEquals(normalize(where, recordedJson(actual.body)), normalize(where, JSON.readTree(response.body())),
                        where);
            }
        }
    }

    /**
     * The recorded body as JSON. The recorded json.exception body quotes the rejected input without
     * escaping it, so that one is rebuilt from its error code and description.
     */
    private static JsonNode recordedJson(String body) throws IOException {
        Matcher error = JSON_ERROR.matcher(body);
        if (error.find()) {
            return JSON.createObjectNode().put("error", Integer.parseInt(error.group(1))).put("description", error.group(2));
        }
        return JSON.readTree(body);
    }

    private HttpResponse<String> send(Exchange exchange) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.url() + exchange.path.replace("<token>", TOKEN)));
        exchange.headers.forEach((name, value) -> request.header(name, value.replace("<token>", TOKEN)));
        request.method(exchange.method, exchange.requestBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(exchange.requestBody));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Timestamps become "set"/0, descriptions keep their json.exception code, text arrays are sorted. */
    private static JsonNode normalize(String where, JsonNode node) {
        if (where.startsWith("GET /status")) {
            ObjectNode kept = JSON.createObjectNode();
            for (String field : new String[] {"address", "version", "versionMajor", "versionMinor", "versionRev"}) {
                kept.set(field, node.get(field));
            }
            return kept;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (TIMES.contains(field.getKey()) && value.isNumber()) {
                    copy.put(field.getKey(), value.asLong() == 0 ? "0" : "set");
                } else if (field.getKey().equals("description") && value.isTextual()) {
                    copy.put("description", value.asText().substring(0, value.asText().indexOf(']') + 1));
                } else {
                    copy.set(field.getKey(), normalize("", value));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalize("", item)));
            if (items.stream().allMatch(JsonNode::isTextual)) {
                items.sort((a, b) -> a.asText().compareTo(b.asText()));
            }
            ArrayNode array = JSON.createArrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }

    private static List<Exchange> readTranscript() throws IOException {
        List<String> lines;
        try (InputStream in = SelfHostedFakeTranscriptTest.class.getResourceAsStream("/zerotier/controller-1.14.1-transcript.txt")) {
            assertNotNull(in, "transcript resource missing");
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("### ")) {
                continue;
            }
            String request = line.substring(4);
            Matcher inline = INLINE.matcher(request);
            if (inline.matches()) {
                exchanges.add(new Exchange(inline.group(1), inline.group(2), null, authHeaders(inline.group(3)),
                        Integer.parseInt(inline.group(5)), inline.group(4) == null ? "?" : "{}"));
                continue;
            }
            int gap = request.indexOf("  ");
            String[] methodAndPath = (gap < 0 ? request : request.substring(0, gap)).split(" ");
            String requestBody = gap < 0 ? null : request.substring(gap + 2);
            int status = Integer.parseInt(lines.get(++i).replace("-> HTTP ", "").trim());
            String body = i + 1 < lines.size() && !lines.get(i + 1).startsWith("#") ? lines.get(++i) : null;
            exchanges.add(new Exchange(methodAndPath[0], methodAndPath[1], requestBody, authHeaders(null), status, body));
        }
        return exchanges;
    }

    private static Map<String, String> authHeaders(String directive) {
        if (directive == null) {
            return Map.of("X-ZT1-Auth", "<token>");
        }
        if (directive.equals("no token")) {
            return Map.of();
        }
        int colon = directive.indexOf(':');
        return Map.of(directive.substring(0, colon).trim(), directive.substring(colon + 1).trim());
    }

    /** One request and the recorded answer; body "?" means the transcript did not record it. */
    private record Exchange(String method, String path, String requestBody, Map<String, String> headers, int status,
                            String body) {

        Exchange withIds(Map<String, String> renamed) {
            String newPath = path;
            String newBody = body;
            for (Map.Entry<String, String> id : renamed.entrySet()) {
                newPath = newPath.replace(id.getKey(), id.getValue());
                newBody = newBody == null ? null : newBody.replace(id.getKey(), id.getValue());
            }
            return new Exchange(method, newPath, requestBody, headers, status, newBody);
        }
    }
}
