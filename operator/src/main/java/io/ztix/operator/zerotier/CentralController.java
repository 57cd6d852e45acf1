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
 * ZeroTier Central (hosted, {@code https://api.zerotier.com/api/v1}): token in {@code Authorization: token},
 * network and member settings nested under {@code "config"} (member name and the network's {@code rulesSource},
 * the readable rules Central's editor shows, at the top level), 403 for a
 * token without access. ZT-IX only adopts Central networks; it never creates them.
 */
public final class CentralController implements ZeroTierController {

    private final ControllerHttp http;
    private final String probeNetworkId;

    /**
     * @param probeNetworkId the adopted network; {@link #status()} reads it to prove reachability and access
     */
    public CentralController(String baseUrl, String probeNetworkId, Supplier<String> tokenSupplier, Timeouts timeouts) {
        this(ZeroTierControllers.httpClient(timeouts), new ControllerGate(ControllerGate.DEFAULT_MAX_CONCURRENT, Clock.systemUTC()),
                baseUrl, probeNetworkId, tokenSupplier, timeouts);
    }

    CentralController(HttpClient client, ControllerGate gate, String baseUrl, String probeNetworkId, Supplier<String> tokenSupplier,
                      Timeouts timeouts) {
        this.probeNetworkId = ZeroTierIds.networkId(probeNetworkId);
        this.http = new ControllerHttp(client, gate, baseUrl, "ZeroTier Central",
                new ControllerHttp.AuthHeader("Authorization", "token "), tokenSupplier, timeouts.request(), true,
                Clock.systemUTC());
    }

    /** Reads the adopted network: any answer but 401/403 proves the API is reachable and the token accepted. */
    @Override
    public ControllerStatus status() {
        http.getIfPresent(networkPath(probeNetworkId));
        return new ControllerStatus(null, true, null);
    }

    @Override
    public Optional<NetworkInfo> getNetwork(String networkId) {
        String id = ZeroTierIds.networkId(networkId);
        return http.getIfPresent(networkPath(id)).map(json -> toNetwork(id, json));
    }

    @Override
    public NetworkInfo createNetwork(String idSuffixOrNull, NetworkSettings desired) {
        throw new ZeroTierException(ZeroTierException.Kind.PERMANENT, "ZT-IX does not create networks on ZeroTier "
                + "Central: create the network in Central and adopt it by setting spec.networkId");
    }

    @Override
    public NetworkInfo updateNetwork(String networkId, NetworkSettings desired) {
        String id = ZeroTierIds.networkId(networkId);
        ObjectNode body = ZeroTierJson.object();
        ZeroTierJson.writeNetwork(body.putObject("config"), desired);
        if (desired.rules() != null) {
            body.put("rulesSource", desired.rules().source());
        }
        NetworkInfo written = toNetwork(id, http.post(networkPath(id), body));
        ReadBack.verifyNetwork(id, desired, written);
        return written;
    }

    @Override
    public List<String> listMembers(String networkId) {
        JsonNode members = http.get(networkPath(ZeroTierIds.networkId(networkId)) + "/member");
        List<String> ids = new ArrayList<>();
        for (JsonNode member : members) {
            ids.add(nodeIdOf(member, "").toLowerCase(Locale.ROOT));
        }
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
        if (desired.name() != null) {
            body.put("name", desired.name());
        }
        ZeroTierJson.writeMemberConfig(body.putObject("config"), desired);
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
            ObjectNode body = ZeroTierJson.object();
            body.putObject("config").put("authorized", false);
            if (toMember(nodeId, http.post(path, body)).authorized()) {
                throw new ReadBackMismatchException("member " + member.get().nodeId() + " of network "
                        + ZeroTierIds.networkId(networkId), "authorized", "false", "true");
            }
        }
        http.deleteIfPresent(path);
    }

    private static NetworkInfo toNetwork(String fallbackId, JsonNode json) {
        JsonNode config = json.path("config");
        return ZeroTierJson.readNetwork(json.path("id").asText(fallbackId), config, config.path("revision").asLong(0));
    }

    private static Member toMember(String fallbackId, JsonNode json) {
        return ZeroTierJson.readMember(nodeIdOf(json, fallbackId), json.path("config"), json.path("name"));
    }

    /** Central names the node {@code nodeId}; {@code id} is {@code <network>-<node>}. */
    private static String nodeIdOf(JsonNode member, String fallbackId) {
        if (member.path("nodeId").isTextual()) {
            return member.get("nodeId").asText();
        }
        return member.path("config").path("id").asText(fallbackId);
    }

    private static String networkPath(String networkId) {
        return "/network/" + networkId;
    }

    private static String memberPath(String networkId, String nodeId) {
        return networkPath(ZeroTierIds.networkId(networkId)) + "/member/" + ZeroTierIds.nodeId(nodeId);
    }

    @Override
    public String toString() {
        return "CentralController[" + http.describe() + ", network " + probeNetworkId + "]";
    }
}
