package io.ztix.operator.zerotier.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Self-hosted controller behaviour the transcript implies but does not show step by step. */
class SelfHostedFakeTest {

    private static final String TOKEN = "fake-test-token-42";
    private static final String NETWORK = "b23b7482a7abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SelfHostedFake fake = SelfHostedFake.started("b23b7482a7", TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void trailingSlashIsNotFoundWithoutBody() throws Exception {
        fake.createNetwork(NETWORK);
        HttpResponse<String> response = send("GET", "/controller/network/" + NETWORK + "/", null);
        assertEquals(404, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void addressesLoseTheirPrefixLengthAndAreWrittenCanonically() throws Exception {
        fake.createNetwork(NETWORK);
        JsonNode member = json(send("POST", "/controller/network/" + NETWORK + "/member/aabbccdd01",
                "{\"ipAssignments\":[\"2001:DB8:0::1/64\",\"203.0.113.7/24\",\"not-an-ip\",42]}"));
        assertEquals("[\"2001:db8::1\",\"203.0.113.7\"]", member.get("ipAssignments").toString());
    }

    @Test
    void booleansAreCoercedLikeZeroTierDoes() throws Exception {
        fake.createNetwork(NETWORK);
        String path = "/controller/network/" + NETWORK + "/member/aabbccdd01";
        assertTrue(json(send("POST", path, "{\"authorized\":\"true\"}")).get("authorized").asBoolean());
        assertEquals(false, json(send("POST", path, "{\"authorized\":\"yes\"}")).get("authorized").asBoolean());
        assertTrue(json(send("POST", path, "{\"authorized\":1}")).get("authorized").asBoolean());
    }

    @Test
    void rulesAreRenderedBackAsTheControllerStoresThem() throws Exception {
        fake.createNetwork(NETWORK);
        JsonNode network = json(send("POST", "/controller/network/" + NETWORK, """
                {"rules":[{"type":"MATCH_IPV6_SOURCE","ip":"2001:DB8:0::/64","not":"true"},
                          {"type":"ACTION_DROP","not":false,"or":false},
                          {"type":"MATCH_NO_SUCH_THING"},"not-an-object",
                          {"type":"MATCH_ETHERTYPE","etherType":"2054"},
                          {"type":"ACTION_ACCEPT"}]}"""));
        assertEquals(JSON.readTree("""
                [{"type":"MATCH_IPV6_SOURCE","ip":"2001:db8::/64","not":true,"or":false},
                 {"type":"ACTION_DROP"},
                 {"type":"MATCH_ETHERTYPE","etherType":2054,"not":false,"or":false},
                 {"type":"ACTION_ACCEPT"}]"""), network.get("rules"));
    }

    @Test
    void rulesThatAreNotAListLeaveTheOldRules() throws Exception {
        fake.createNetwork(NETWORK);
        String path = "/controller/network/" + NETWORK;
        send("POST", path, "{\"rules\":[{\"type\":\"ACTION_DROP\"}]}");
        JsonNode network = json(send("POST", path, "{\"rules\":\"notalist\"}"));
        assertEquals("[{\"type\":\"ACTION_DROP\"}]", network.get("rules").toString());
    }

    @Test
    void invalidRoutesAreDroppedAndTheArrayReplaced() throws Exception {
        fake.createNetwork(NETWORK);
        String path = "/controller/network/" + NETWORK;
        send("POST", path, "{\"routes\":[{\"target\":\"2001:db8:ff::/64\",\"via\":null},{\"target\":\"203.0.113.0/24\"}]}");
        JsonNode network = json(send("POST", path, "{\"routes\":[{\"target\":\"2001:db8:ff::/64\"},{\"target\":\"nope\"}]}"));
        assertEquals("[{\"target\":\"2001:db8:ff::/64\",\"via\":null}]", network.get("routes").toString());
    }

    @Test
    void anIdenticalWriteKeepsTheRevision() throws Exception {
        fake.createNetwork(NETWORK);
        String path = "/controller/network/" + NETWORK + "/member/aabbccdd01";
        send("POST", path, "{\"authorized\":true}");
        assertEquals(1, json(send("POST", path, "{\"authorized\":true}")).get("revision").asInt());
        assertEquals(2, json(send("POST", path, "{\"authorized\":false}")).get("revision").asInt());
    }

    @Test
    void anyTokenFormTheControllerAcceptsIsAccepted() throws Exception {
        HttpRequest bearer = HttpRequest.newBuilder(URI.create(fake.url() + "/controller/network"))
                .header("Authorization", "Bearer " + TOKEN).build();
        assertEquals(200, http.send(bearer, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest query = HttpRequest.newBuilder(URI.create(fake.url() + "/controller/network?auth=" + TOKEN)).build();
        assertEquals(200, http.send(query, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest none = HttpRequest.newBuilder(URI.create(fake.url() + "/controller/network")).build();
        HttpResponse<String> refused = http.send(none, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());
        assertEquals("{}", refused.body());
    }

    @Test
    void injectedAnswersAreUsedOnceInOrder() throws Exception {
        fake.failNext(503);
        fake.failNext(429, Map.of("Retry-After", "1"));
        assertEquals(503, send("GET", "/status", null).statusCode());
        HttpResponse<String> limited = send("GET", "/status", null);
        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, send("GET", "/status", null).statusCode());
        assertEquals(3, fake.requestCount());
    }

    @Test
    void anIgnoredFieldIsIgnoredOnlyOnce() throws Exception {
        fake.createNetwork(NETWORK);
        fake.ignoreNextWriteOf("name");
        String path = "/controller/network/" + NETWORK;
        assertEquals("", json(send("POST", path, "{\"name\":\"first\"}")).get("name").asText());
        assertEquals("second", json(send("POST", path, "{\"name\":\"second\"}")).get("name").asText());
    }

    @Test
    void stateSurvivesDowntimeButNotAWipe() throws Exception {
        fake.createNetwork(NETWORK);
        fake.setDown(true);
        fake.setDown(false);
        assertTrue(fake.network(NETWORK).isPresent());
        fake.wipe();
        assertEquals(404, send("GET", "/controller/network/" + NETWORK, null).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.url() + path)).header("X-ZT1-Auth", TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
