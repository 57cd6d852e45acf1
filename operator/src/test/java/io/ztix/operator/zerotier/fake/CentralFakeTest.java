package io.ztix.operator.zerotier.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CentralFakeTest {

    private static final String TOKEN = "central-fake-token-7";
    private static final String NETWORK = "8056c2e21c000001";

    private final CentralFake fake = new CentralFake(TOKEN).start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void missingTokenIs401AndWrongTokenIs403() throws Exception {
        fake.createNetwork(NETWORK, "ix");
        assertEquals(401, send(null, "GET", "/network/" + NETWORK, null).statusCode());
        assertEquals(403, send("token wrong", "GET", "/network/" + NETWORK, null).statusCode());
        assertEquals(200, send("bearer " + TOKEN, "GET", "/network/" + NETWORK, null).statusCode());
    }

    @Test
    void membersAreListedAsObjectsWithSettingsUnderConfig() throws Exception {
        fake.createNetwork(NETWORK, "ix");
        send("token " + TOKEN, "POST", "/network/" + NETWORK + "/member/aabbccdd01",
                "{\"name\":\"AS64501\",\"config\":{\"authorized\":true,\"ipAssignments\":[\"203.0.113.3\"]}}");
        JsonNode list = new ObjectMapper().readTree(send("token " + TOKEN, "GET", "/network/" + NETWORK + "/member", null).body());
        assertEquals(1, list.size());
        assertEquals("aabbccdd01", list.get(0).get("nodeId").asText());
        assertEquals("AS64501", list.get(0).get("name").asText());
        assertTrue(list.get(0).get("config").get("authorized").asBoolean());
        assertEquals("203.0.113.3", fake.member(NETWORK, "aabbccdd01").orElseThrow().get("config").get("ipAssignments")
                .get(0).asText());
    }

    @Test
    void aTopLevelAuthorizedIsNotTheMemberSetting() throws Exception {
        fake.createNetwork(NETWORK, "ix");
        send("token " + TOKEN, "POST", "/network/" + NETWORK + "/member/aabbccdd01", "{\"authorized\":true}");
        assertEquals(false, fake.member(NETWORK, "aabbccdd01").orElseThrow().get("config").get("authorized").asBoolean());
    }

    @Test
    void networksCannotBeCreatedThroughTheMemberOrNetworkPaths() throws Exception {
        assertEquals(404, send("token " + TOKEN, "POST", "/network/" + NETWORK, "{\"config\":{}}").statusCode());
        assertEquals(404, send("token " + TOKEN, "POST", "/network/" + NETWORK + "/member/aabbccdd01", "{}").statusCode());
    }

    private HttpResponse<String> send(String authorization, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
