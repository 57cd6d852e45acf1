package io.ztix.operator.zerotier.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Behaves like ZeroTier Central's API v1 under {@code /api/v1}: {@code Authorization: token <t>} (or
 * {@code bearer}), 401 without a token and 403 for a wrong one, settings nested under {@code "config"}
 * with the member name and the network's {@code rulesSource} at the top level, members listed as full objects. Networks are only created
 * through {@link #createNetwork} (ZT-IX adopts Central networks). Central's handling of wrong value types
 * is not recorded; the fake applies zerotier-one's rules to the {@code config} object. Rate limiting is
 * simulated with {@code failNext(429, Map.of("Retry-After", "2"))}. What Central's documentation says it answers is
 * written down in {@code zerotier/central-v1-documented-session.txt} and replayed by CentralFakeDocumentedSessionTest.
 */
public final class CentralFake extends FakeController {

    public static final String BASE_PATH = "/api/v1";

    private static final Pattern NETWORK = Pattern.compile(BASE_PATH + "/network/([0-9a-fA-F]{16})");
    private static final Pattern MEMBERS = Pattern.compile(BASE_PATH + "/network/([0-9a-fA-F]{16})/member");
    private static final Pattern MEMBER = Pattern.compile(BASE_PATH + "/network/([0-9a-fA-F]{16})/member/([0-9a-fA-F]{10})");
    private static final List<String> NOT_IN_CONFIG = List.of("objtype", "nwid", "authTokens", "authorizationEndpoint",
            "clientId", "remoteTraceLevel", "remoteTraceTarget", "rulesSource", "ssoEnabled");

    public CentralFake(String token) {
        super(token);
    }

    @Override
    public CentralFake start() {
        super.start();
        return this;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port() + BASE_PATH;
    }

    /** Creates a network (as a user would in Central's web UI); answers it in Central's JSON. */
    public JsonNode createNetwork(String networkId, String name) {
        state.createNetwork(networkId, System.currentTimeMillis());
        return centralNetwork(state.updateNetwork(networkId, ControllerState.JSON.createObjectNode().put("name", name), true));
    }

    /** The network in Central's JSON, for assertions. */
    public Optional<JsonNode> network(String networkId) {
        return state.network(networkId).map(this::centralNetwork);
    }

    /** The member in Central's JSON (settings under "config"), for assertions. */
    public Optional<JsonNode> member(String networkId, String nodeId) {
        return state.member(networkId, nodeId).map(this::centralMember);
    }

    @Override
    protected FakeResponse handle(RecordedRequest request) {
        Optional<String> given = request.header("Authorization").map(String::trim);
        if (given.isEmpty()) {
            return message(401, "missing Authorization header");
        }
        String value = given.get();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? "" : value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!(scheme.equals("token") || scheme.equals("bearer")) || !value.substring(space + 1).trim().equals(token())) {
            return message(403, "forbidden");
        }
        try {
            return route(request);
        } catch (SelfHostedFake.UnparsableBody e) {
            return message(400, "invalid JSON body");
        }
    }

    private FakeResponse route(RecordedRequest request) {
        String method = request.method();
        Matcher network = NETWORK.matcher(request.path());
        if (network.matches()) {
            String id = network.group(1);
            if (state.network(id).isEmpty()) {
                return message(404, "network not found");
            }
            if (method.equals("GET")) {
                return FakeResponse.ok(centralNetwork(state.network(id).orElseThrow()));
            }
            if (method.equals("POST")) {
                JsonNode parsed = SelfHostedFake.parse(request.body());
                ObjectNode stored = state.updateNetwork(id, parsed.path("config"), false);
                if (parsed.path("rulesSource").isTextual()) {
                    stored = state.setRulesSource(id, parsed.get("rulesSource").asText());
                }
                return FakeResponse.ok(centralNetwork(stored));
            }
            return message(405, "method not allowed");
        }
        Matcher members = MEMBERS.matcher(request.path());
        if (members.matches() && method.equals("GET")) {
            if (state.network(members.group(1)).isEmpty()) {
                return message(404, "network not found");
            }
            ArrayNode list = ControllerState.JSON.createArrayNode();
            state.members(members.group(1)).forEach(member -> list.add(centralMember(member)));
            return FakeResponse.ok(list);
        }
        Matcher member = MEMBER.matcher(request.path());
        if (member.matches()) {
            return member(method, member.group(1), member.group(2), request.body());
        }
        return message(404, "not found");
    }

    private FakeResponse member(String method, String networkId, String nodeId, String body) {
        if (state.network(networkId).isEmpty()) {
            return message(404, "network not found");
        }
        switch (method) {
            case "GET":
                return state.member(networkId, nodeId).map(json -> FakeResponse.ok(centralMember(json)))
                        .orElse(message(404, "member not found"));
            case "DELETE":
                return state.deleteMember(networkId, nodeId).isPresent() ? FakeResponse.empty(200)
                        : message(404, "member not found");
            case "POST":
                JsonNode parsed = SelfHostedFake.parse(body);
                ObjectNode settings = parsed.path("config").isObject() ? parsed.get("config").deepCopy()
                        : ControllerState.JSON.createObjectNode();
                settings.remove("name");
                if (parsed.path("name").isTextual()) {
                    settings.set("name", parsed.get("name"));
                }
                return FakeResponse.ok(centralMember(state.upsertMember(networkId, nodeId, settings,
                        System.currentTimeMillis())));
            default:
                return message(405, "method not allowed");
        }
    }

    private JsonNode centralNetwork(ObjectNode stored) {
        String id = stored.get("id").asText();
        ObjectNode config = stored.deepCopy();
        NOT_IN_CONFIG.forEach(config::remove);
        config.put("lastModified", System.currentTimeMillis());
        // documented shapes where Central differs from zerotier-one (central-v1-documented-session.txt)
        ObjectNode dns = config.putObject("dns");
        dns.put("domain", "");
        dns.putArray("servers");
        config.putObject("ssoConfig").put("enabled", false).put("mode", "");
        int total = state.members(id).size();
        long authorized = state.members(id).stream().filter(member -> member.path("authorized").asBoolean()).count();
        ObjectNode network = ControllerState.JSON.createObjectNode();
        network.put("id", id);
        network.put("type", "Network");
        network.put("clock", System.currentTimeMillis());
        network.set("config", config);
        network.put("description", "");
        network.put("rulesSource", stored.path("rulesSource").asText(""));
        network.put("ownerId", "00000000-0000-0000-0000-000000000000");
        network.put("onlineMemberCount", 0);
        network.put("authorizedMemberCount", authorized);
        network.put("totalMemberCount", total);
        network.putObject("permissions");
        network.putObject("capabilitiesByName");
        network.putObject("tagsByName");
        return network;
    }

    private JsonNode centralMember(ObjectNode stored) {
        String networkId = stored.get("nwid").asText();
        String nodeId = stored.get("id").asText();
        ObjectNode config = stored.deepCopy();
        config.remove(List.of("name", "objtype", "nwid", "address"));
        config.put("identity", "");
        ObjectNode member = ControllerState.JSON.createObjectNode();
        member.put("id", networkId + "-" + nodeId);
        member.put("type", "Member");
        member.put("clock", System.currentTimeMillis());
        member.put("networkId", networkId);
        member.put("nodeId", nodeId);
        member.put("controllerId", networkId.substring(0, 10));
        member.put("hidden", false);
        member.put("name", stored.path("name").asText(""));
        member.put("description", "");
        member.set("config", config);
        member.put("lastOnline", 0);
        member.put("lastSeen", 0);
        member.putNull("physicalAddress");
        member.put("clientVersion", "");
        member.put("protocolVersion", -1);
        member.put("supportsRulesEngine", false);
        return member;
    }

    private static FakeResponse message(int status, String message) {
        return FakeResponse.json(status, ControllerState.JSON.createObjectNode().put("message", message));
    }

    @Override
    public String toString() {
        return "CentralFake[" + url() + "]";
    }
}
