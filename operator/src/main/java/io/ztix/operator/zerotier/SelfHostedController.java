package io.ztix.operator.zerotier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The network controller embedded in zerotier-one (API of release 1.14): token in {@code X-ZT1-Auth},
 * paths under {@code /controller}, member settings at the top level of the member object.
 */
public final class SelfHostedController implements ZeroTierController {

    private static final String RANDOM_SUFFIX = "______";

    private final ControllerHttp http;

    public SelfHostedController(String baseUrl, Supplier<String> tokenSupplier, Timeouts timeouts) {
        this(ZeroTierControllers.httpClient(timeouts), new ControllerGate(ControllerGate.DEFAULT_MAX_CONCURRENT, Clock.systemUTC()),
                baseUrl, tokenSupplier, timeouts);
    }

    SelfHostedController(HttpClient client, ControllerGate gate, String baseUrl, Supplier<String> tokenSupplier, Timeouts timeouts) {
        this.http = new ControllerHttp(client, gate, baseUrl, "ZeroTier self-hosted controller",
                new ControllerHttp.AuthHeader("X-ZT1-Auth", ""), tokenSupplier, timeouts.request(), false,
                Clock.systemUTC());
    }

    @Override
    public ControllerStatus status() {
        JsonNode node = http.get("/status");
        String address = node.path("address").asText("");
        if (!ZeroTierIds.isNodeId(address)) {
            throw new ZeroTierException(ZeroTierException.Kind.PERMANENT, "GET /status on " + http.describe()
                    + " gave no 10-hex-digit node address; is this a zerotier-one service?");
        }
        String version = node.path("version").isTextual() ? node.get("version").asText() : null;
        return new ControllerStatus(address.toLowerCase(Locale.ROOT), databaseReady(), version);
    }

    private boolean databaseReady() {
        JsonNode controller;
        try {
            controller = http.get("/controller");
        } catch (ZeroTierException e) {
            if (e.httpStatus().orElse(0) == 503) {
                return false;
            }
            if (e.kind() == ZeroTierException.Kind.NOT_FOUND) {
                throw new ZeroTierException(ZeroTierException.Kind.PERMANENT, http.describe()
                        + " has no network controller (GET /controller answered 404)");
            }
            throw e;
        }
        return controller.path("databaseReady").asBoolean(false);
    }

    @Override
    public Optional<NetworkInfo> getNetwork(String networkId) {
        String id = ZeroTierIds.networkId(networkId);
        return http.getIfPresent(networkPath(id)).map(json -> toNetwork(id, json));
    }

    @Override
    public NetworkInfo createNetwork(String idSuffixOrNull, NetworkSettings desired) {
        String suffix = idSuffixOrNull == null ? RANDOM_SUFFIX : ZeroTierIds.idSuffix(idSuffixOrNull);
        String address = status().controllerAddress();
        String expectedId = idSuffixOrNull == null ? null : address + suffix;
        return writeNetwork(address + suffix, expectedId, desired);
    }

    @Override
    public NetworkInfo updateNetwork(String networkId, NetworkSettings desired) {
        String id = ZeroTierIds.networkId(networkId);
        if (getNetwork(id).isEmpty()) {
            // POST would silently create it: an update of a missing network is a NOT_FOUND.
            throw new ZeroTierException(ZeroTierException.Kind.NOT_FOUND, "network " + id + " does not exist on "
                    + http.describe(), 404, null, null);
        }
        return writeNetwork(id, id, desired);
    }

    private NetworkInfo writeNetwork(String pathId, String expectedId, NetworkSettings desired) {
        ObjectNode body = ZeroTierJson.object();
        ZeroTierJson.writeNetwork(body, desired);
        NetworkInfo written = toNetwork(pathId, http.post(networkPath(pathId), body));
        ReadBack.verifyNetwork(expectedId, desired, written);
        return written;
    }

    @Override
    public List<String> listMembers(String networkId) {
        JsonNode members = http.get(networkPath(ZeroTierIds.networkId(networkId)) + "/member");
        List<String> ids = new ArrayList<>();
        members.fieldNames().forEachRemaining(id -> ids.add(id.toLowerCase(Locale.ROOT)));
        ids.sort(null);
        return ids;
    }

    @Override
    public Optional<Member> getMember(String networkId, String nodeId) {
        String node = ZeroTierIds.nodeId(nodeId);
        return http.getIfPresent(memberPath(networkId, node)).map(json -> toMember(node, json));
    }

    @Override
    public Member upsertMember(String networkId, String nodeId, MemberSettings desired) {
        String node = ZeroTierIds.nodeId(nodeId);
        ObjectNode body = ZeroTierJson.object();
        ZeroTierJson.writeMemberConfig(body, desired);
        if (desired.name() != null) {
            body.put("name", desired.name());
        }
        Member written = toMember(node, http.post(memberPath(networkId, node), body));
        ReadBack.verifyMember(ZeroTierIds.networkId(networkId), node, desired, written);
        return written;
    }

    @Override
    public void deleteMember(String networkId, String nodeId) {
        Optional<Member> member = getMember(networkId, nodeId);
        if (member.isEmpty()) {
            return;
        }
        String path = memberPath(networkId, member.get().nodeId());
        if (member.get().authorized()) {
            ObjectNode body = ZeroTierJson.object().put("authorized", false);
            if (toMember(nodeId, http.post(path, body)).authorized()) {
                throw new ReadBackMismatchException("member " + member.get().nodeId() + " of network "
                        + ZeroTierIds.networkId(networkId), "authorized", "false", "true");
            }
        }
        http.deleteIfPresent(path);
    }

    private static NetworkInfo toNetwork(String fallbackId, JsonNode json) {
        return ZeroTierJson.readNetwork(fallbackId, json, json.path("revision").asLong(0));
    }

    private static Member toMember(String fallbackId, JsonNode json) {
        String id = json.path("id").isTextual() ? json.get("id").asText() : fallbackId;
        return ZeroTierJson.readMember(id, json, json.path("name"));
    }

    private static String networkPath(String networkId) {
        return "/controller/network/" + networkId;
    }

    private static String memberPath(String networkId, String nodeId) {
        return networkPath(ZeroTierIds.networkId(networkId)) + "/member/" + ZeroTierIds.nodeId(nodeId);
    }

    @Override
    public String toString() {
        return "SelfHostedController[" + http.describe() + "]";
    }
}
