package io.ztix.operator.zerotier.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code zerotier/central-v1-documented-session.txt} — ZeroTier Central's API v1 as its documentation
 * describes it, written down in transcript form because no real session can be recorded here — against the fake,
 * and checks every status, every documented property's JSON type and every value the documentation fixes. The
 * Central fake is only worth something while it answers as Central is documented to.
 */
class CentralFakeDocumentedSessionTest {

    private static final String TOKEN = "central-documented-token-7e1f";
    private static final String NETWORK = "8056c2e21c0000d0";
    private static final String NODE = "aabbccdd01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CentralFake fake = new CentralFake(TOKEN).start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Exchange(String method, String path, String auth, String body, int status, List<String> checks) {
    }

    @AfterEach
    void stopFake() {
        fake.stop();
    }

    @Test
    void theFakeAnswersTheDocumentedSessionAsCentralIsDocumentedTo() throws Exception {
        fake.createNetwork(NETWORK, "adopted");
        List<Exchange> session = read();
        assertEquals(14, session.size(), "every documented exchange is replayed");
        int checked = 0;
        for (Exchange exchange : session) {
            String where = exchange.method() + " " + exchange.path() + " (auth " + exchange.auth() + ")";
            HttpResponse<String> response = send(exchange);
            assertEquals(exchange.status(), response.statusCode(), where + ": " + response.body());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            for (String check : exchange.checks()) {
                String[] parts = check.split(" ", 3);
                checked++;
                switch (parts[0]) {
                    case "empty" -> assertTrue(response.body().isEmpty(), where + " answers without a body: " + response.body());
                    case "type" -> {
                        JsonNode value = at(body, parts[1]);
                        assertTrue(Arrays.stream(parts[2].split("\\|")).anyMatch(type -> is(value, type)),
                                where + " " + parts[1] + " is documented as " + parts[2] + ", the fake sent " + value);
                    }
                    case "equals" -> assertEquals(JSON.readTree(substitute(parts[2])), at(body, parts[1]), where + " " + parts[1]);
                    default -> throw new AssertionError("unknown check " + check);
                }
            }
        }
        assertTrue(checked > 80, "checks run: " + checked);
    }

    private static JsonNode at(JsonNode body, String pointer) {
        assertTrue(body != null, "a body to look at " + pointer + " in");
        return pointer.equals(".") ? body : body.at(pointer);
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> throw new AssertionError("unknown type " + type);
        };
    }

    private HttpResponse<String> send(Exchange exchange) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.url() + substitute(exchange.path())))
                .header("Accept", "application/json");
        switch (exchange.auth()) {
            case "token" -> request.header("Authorization", "token " + TOKEN);
            case "bearer" -> request.header("Authorization", "Bearer " + TOKEN);
            case "wrong" -> request.header("Authorization", "token not-" + TOKEN);
            case "none" -> { }
            default -> throw new AssertionError("unknown auth " + exchange.auth());
        }
        if (exchange.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(exchange.method(), exchange.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(substitute(exchange.body())));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String substitute(String text) {
        return text.replace("<nwid>", NETWORK).replace("<node>", NODE);
    }

    private static List<Exchange> read() throws IOException {
        String text;
        try (InputStream in = CentralFakeDocumentedSessionTest.class.getResourceAsStream("/zerotier/central-v1-documented-session.txt")) {
            assertTrue(in != null, "the documented session is on the test classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Exchange> session = new ArrayList<>();
        String method = null;
        String path = null;
        String auth = "token";
        String body = null;
        int status = 0;
        List<String> checks = new ArrayList<>();
        for (String line : (text + "\n>> END").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(">> ")) {
                if (method != null) {
                    session.add(new Exchange(method, path, auth, body, status, List.copyOf(checks)));
                }
                String[] request = line.substring(3).split(" ", 2);
                method = request[0];
                path = request.length > 1 ? request[1] : null;
                auth = "token";
                body = null;
                status = 0;
                checks.clear();
            } else if (line.startsWith("auth: ")) {
                auth = line.substring(6).trim();
            } else if (line.startsWith("body: ")) {
                body = line.substring(6).trim();
            } else if (line.startsWith("<< ")) {
                status = Integer.parseInt(line.substring(3).trim());
            } else {
                checks.add(line.trim());
            }
        }
        return session;
    }
}
