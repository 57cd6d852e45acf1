package io.ztix.operator.zerotier.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Behaves like the network controller of zerotier-one 1.14.1 as recorded in
 * {@code controller-1.14.1-transcript.txt}: 401 {@code {}} for a bad or missing token (X-ZT1-Auth,
 * Authorization: Bearer or ?auth=), 404 with no body for anything unknown or malformed, 500 with a
 * {@code json.exception} description for unparsable bodies, 200 for every success, DELETE answering with
 * the deleted object and {@code <controller>______} creating a random network ID.
 */
public final class SelfHostedFake extends FakeController {

    private static final Pattern NETWORK = Pattern.compile("/controller/network/([0-9a-fA-F]{16}|[0-9a-fA-F]{10}______)");
    private static final Pattern MEMBERS = Pattern.compile("/controller/network/([0-9a-fA-F]{16})/member");
    private static final Pattern MEMBER = Pattern.compile("/controller/network/([0-9a-fA-F]{16})/member/([0-9a-fA-F]{10})");

    private final String controllerAddress;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean databaseReady = true;

    public SelfHostedFake(String controllerAddress, String token) {
        super(token);
        if (!controllerAddress.matches("[0-9a-f]{10}")) {
            throw new IllegalArgumentException("a controller address is 10 lower-case hex digits");
        }
        this.controllerAddress = controllerAddress;
    }

    /** A fake with a random controller address. */
    public SelfHostedFake(String token) {
        this(String.format("%010x", new SecureRandom().nextLong() & 0xff_ffff_ffffL | 0x10_0000_0000L), token);
    }

    @Override
    public SelfHostedFake start() {
        super.start();
        return this;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public String controllerAddress() {
        return controllerAddress;
    }

    /** While false, GET /controller answers 503, as while the controller's database loads. */
    public void setDatabaseReady(boolean ready) {
        this.databaseReady = ready;
    }

    /** The network as stored (zerotier-one JSON), for assertions. */
    public Optional<JsonNode> network(String networkId) {
        return state.network(networkId).map(JsonNode.class::cast);
    }

    /** The member as stored (zerotier-one JSON), for assertions. */
    public Optional<JsonNode> member(String networkId, String nodeId) {
        return state.member(networkId, nodeId).map(JsonNode.class::cast);
    }

    /** Changes a network as another admin would with a POST (e.g. hand-edited rules); answers its JSON. */
    public JsonNode editNetwork(String networkId, String body) {
        return state.updateNetwork(networkId, parse(body), false);
    }

    /**
     * Changes an existing member as another admin (or ZeroTier Central's UI on a hybrid set-up) would, e.g.
     * {@code {"authorized":false}}; answers its JSON.
     */
    public JsonNode editMember(String networkId, String nodeId, String body) {
        if (state.member(networkId, nodeId).isEmpty()) {
            throw new IllegalArgumentException("no member " + nodeId + " on " + networkId);
        }
        return state.upsertMember(networkId, nodeId, parse(body), System.currentTimeMillis());
    }

    /** Creates a network directly (test set-up); answers its JSON. */
    public JsonNode createNetwork(String networkId) {
        return state.createNetwork(networkId, System.currentTimeMillis());
    }

    @Override
    protected FakeResponse handle(RecordedRequest request) {
        try {
            return route(request);
        } catch (UnparsableBody e) {
            return e.answer();
        }
    }

    private FakeResponse route(RecordedRequest request) {
        if (!authorized(request)) {
            return FakeResponse.json(401, ControllerState.JSON.createObjectNode());
        }
        String method = request.method().equals("PUT") ? "POST" : request.method();
        String path = request.path();
        if (path.equals("/status") && method.equals("GET")) {
            return FakeResponse.ok(status());
        }
        if (path.equals("/controller") && method.equals("GET")) {
            return databaseReady ? FakeResponse.ok(ControllerState.JSON.createObjectNode().put("controller", true)
                    .put("apiVersion", 4).put("clock", System.currentTimeMillis()).put("databaseReady", true))
                    : FakeResponse.empty(503);
        }
        if (path.equals("/controller/network") && method.equals("GET")) {
            ArrayNode ids = ControllerState.JSON.createArrayNode();
            state.networkIds().forEach(ids::add);
            return FakeResponse.ok(ids);
        }
        Matcher network = NETWORK.matcher(path);
        if (network.matches()) {
            return network(method, network.group(1), request.body());
        }
        Matcher members = MEMBERS.matcher(path);
        if (members.matches() && method.equals("GET")) {
            return state.memberRevisions(members.group(1)).<FakeResponse>map(revisions -> {
                ObjectNode json = ControllerState.JSON.createObjectNode();
                revisions.forEach(json::put);
                return FakeResponse.ok(json);
            }).orElse(FakeResponse.empty(404));
        }
        Matcher member = MEMBER.matcher(path);
        if (member.matches()) {
            return member(method, member.group(1), member.group(2), request.body());
        }
        return FakeResponse.empty(404);
    }

    private FakeResponse network(String method, String id, String body) {
        boolean random = id.endsWith("______");
        if (random && !method.equals("POST")) {
            return FakeResponse.empty(404);
        }
        switch (method) {
            case "GET":
                return state.network(id).map(FakeResponse::ok).orElse(FakeResponse.empty(404));
            case "DELETE":
                return state.deleteNetwork(id).map(FakeResponse::ok).orElse(FakeResponse.empty(404));
            case "POST":
                JsonNode parsed = parse(body);
                String target = random ? unusedNetworkId(id.substring(0, 10)) : id;
                boolean creating = state.network(target).isEmpty();
                state.createNetwork(target, System.currentTimeMillis());
                return FakeResponse.ok(state.updateNetwork(target, parsed, creating));
            default:
                return FakeResponse.empty(404);
        }
    }

    private FakeResponse member(String method, String networkId, String nodeId, String body) {
        if (state.network(networkId).isEmpty()) {
            return FakeResponse.empty(404);
        }
        switch (method) {
            case "GET":
                return state.member(networkId, nodeId).map(FakeResponse::ok).orElse(FakeResponse.empty(404));
            case "DELETE":
                return state.deleteMember(networkId, nodeId).map(FakeResponse::ok).orElse(FakeResponse.empty(404));
            case "POST":
                return FakeResponse.ok(state.upsertMember(networkId, nodeId, parse(body), System.currentTimeMillis()));
            default:
                return FakeResponse.empty(404);
        }
    }

    /** The parsed body; a body zerotier-one cannot parse gets its 500 answer. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new UnparsableBody("[json.exception.parse_error.101] parse error at line 1, column 1: attempting to parse "
                    + "an empty input; check that your input string or stream contains the expected JSON");
        }
        try {
            return ControllerState.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UnparsableBody("[json.exception.parse_error.101] parse error at line " + (at == null ? 1 : at.getLineNr())
                    + ", column " + (at == null ? 1 : at.getColumnNr()) + ": syntax error while parsing value - "
                    + e.getOriginalMessage());
        }
    }

    /** A request body zerotier-one's JSON parser rejects: 500 with its {@code json.exception} description. */
    static final class UnparsableBody extends RuntimeException {

        UnparsableBody(String description) {
            super(description);
        }

        FakeResponse answer() {
            return FakeResponse.json(500, ControllerState.JSON.createObjectNode().put("error", 500)
                    .put("description", getMessage()));
        }
    }

    private String unusedNetworkId(String prefix) {
        while (true) {
            String candidate = prefix.toLowerCase(Locale.ROOT) + String.format("%06x", 1 + random.nextInt(0xffffff));
            if (state.network(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private ObjectNode status() {
        ObjectNode status = ControllerState.JSON.createObjectNode();
        status.put("address", controllerAddress);
        status.put("clock", System.currentTimeMillis());
        status.put("online", false);
        status.put("publicIdentity", controllerAddress + ":0:" + "0".repeat(128));
        status.put("tcpFallbackActive", false);
        status.put("version", "1.14.1");
        status.put("versionBuild", 0);
        status.put("versionMajor", 1);
        status.put("versionMinor", 14);
        status.put("versionRev", 1);
        return status;
    }

    private boolean authorized(RecordedRequest request) {
        String expected = token();
        Optional<String> given = request.header("X-ZT1-Auth")
                .or(() -> request.header("Authorization").filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(value -> value.substring(7).trim()))
                .or(() -> request.queryParameter("auth"));
        return expected != null && given.map(expected::equals).orElse(false);
    }

    @Override
    public String toString() {
        return "SelfHostedFake[" + url() + ", controller " + controllerAddress + "]";
    }

    /** Creates a fake, already started, with this token. */
    public static SelfHostedFake started(String controllerAddress, String token) {
        return new SelfHostedFake(controllerAddress, token).start();
    }
}
