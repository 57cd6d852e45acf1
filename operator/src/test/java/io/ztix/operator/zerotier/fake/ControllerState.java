package io.ztix.operator.zerotier.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Networks and members of a fake controller, in zerotier-one's own JSON shape. IDs are matched without
 * regard to case but stored as first given. A write that changes nothing keeps the revision.
 */
final class ControllerState {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> networks = new TreeMap<>();
    private final Map<String, Map<String, ObjectNode>> members = new TreeMap<>();
    private final Set<String> ignoredOnce = new HashSet<>();

    synchronized void clear() {
        networks.clear();
        members.clear();
    }

    synchronized void ignoreNextWriteOf(String field) {
        ignoredOnce.add(field);
    }

    synchronized List<String> networkIds() {
        return networks.values().stream().map(network -> network.get("id").asText()).sorted().toList();
    }

    synchronized Optional<ObjectNode> network(String id) {
        return Optional.ofNullable(networks.get(key(id))).map(ObjectNode::deepCopy);
    }

    /** Creates the network with zerotier-one's defaults, or returns the existing one. */
    synchronized ObjectNode createNetwork(String id, long now) {
        ObjectNode network = networks.computeIfAbsent(key(id), k -> defaultNetwork(id, now));
        members.computeIfAbsent(key(id), k -> new TreeMap<>());
        return network.deepCopy();
    }

    /** Applies a POST to an existing network; a creating POST keeps revision 1. */
    synchronized ObjectNode updateNetwork(String id, JsonNode body, boolean creating) {
        ObjectNode network = networks.get(key(id));
        ObjectNode before = network.deepCopy();
        ZeroTierFieldRules.applyNetwork(network, withoutIgnored(body));
        bumpIfChanged(before, network, creating);
        return network.deepCopy();
    }

    /** Central's readable rules text, kept beside the compiled rules (Central does not compile it for us here). */
    synchronized ObjectNode setRulesSource(String id, String source) {
        ObjectNode network = networks.get(key(id));
        if (!source.equals(network.path("rulesSource").asText())) {
            network.put("rulesSource", source);
            network.put("revision", network.get("revision").asLong() + 1);
        }
        return network.deepCopy();
    }

    synchronized Optional<ObjectNode> deleteNetwork(String id) {
        members.remove(key(id));
        return Optional.ofNullable(networks.remove(key(id)));
    }

    /** Stored member ID -> revision, or empty when the network is missing. */
    synchronized Optional<Map<String, Long>> memberRevisions(String networkId) {
        Map<String, ObjectNode> ofNetwork = members.get(key(networkId));
        if (ofNetwork == null) {
            return Optional.empty();
        }
        Map<String, Long> revisions = new LinkedHashMap<>();
        ofNetwork.values().forEach(member -> revisions.put(member.get("id").asText(), member.get("revision").asLong()));
        return Optional.of(revisions);
    }

    synchronized List<ObjectNode> members(String networkId) {
        return members.getOrDefault(key(networkId), Map.of()).values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> member(String networkId, String nodeId) {
        return Optional.ofNullable(members.getOrDefault(key(networkId), Map.of()).get(key(nodeId)))
                .map(ObjectNode::deepCopy);
    }

    /** Creates or updates a member of an existing network. */
    synchronized ObjectNode upsertMember(String networkId, String nodeId, JsonNode body, long now) {
        Map<String, ObjectNode> ofNetwork = members.get(key(networkId));
        boolean creating = !ofNetwork.containsKey(key(nodeId));
        String storedNetworkId = networks.get(key(networkId)).get("id").asText();
        ObjectNode member = ofNetwork.computeIfAbsent(key(nodeId), k -> defaultMember(storedNetworkId, nodeId, now));
        ObjectNode before = member.deepCopy();
        ZeroTierFieldRules.applyMember(member, withoutIgnored(body), now);
        bumpIfChanged(before, member, creating);
        return member.deepCopy();
    }

    synchronized Optional<ObjectNode> deleteMember(String networkId, String nodeId) {
        return Optional.ofNullable(members.getOrDefault(key(networkId), new TreeMap<>()).remove(key(nodeId)));
    }

    private JsonNode withoutIgnored(JsonNode body) {
        if (!body.isObject()) {
            return JSON.createObjectNode();
        }
        ObjectNode copy = body.deepCopy();
        ignoredOnce.removeIf(field -> copy.remove(field) != null);
        return copy;
    }

    private static void bumpIfChanged(ObjectNode before, ObjectNode after, boolean creating) {
        if (!creating && !before.equals(after)) {
            after.put("revision", before.get("revision").asLong() + 1);
        }
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static ObjectNode defaultNetwork(String id, long now) {
        ObjectNode network = JSON.createObjectNode();
        network.putArray("authTokens").addNull();
        network.put("authorizationEndpoint", "");
        network.putArray("capabilities");
        network.put("clientId", "");
        network.put("creationTime", now);
        network.putArray("dns");
        network.put("enableBroadcast", true);
        network.put("id", id);
        network.putArray("ipAssignmentPools");
        network.put("mtu", 2800);
        network.put("multicastLimit", 32);
        network.put("name", "");
        network.put("nwid", id);
        network.put("objtype", "network");
        network.put("private", true);
        network.put("remoteTraceLevel", 0);
        network.putNull("remoteTraceTarget");
        network.put("revision", 1);
        network.putArray("routes");
        network.putArray("rules").addObject().put("not", false).put("or", false).put("type", "ACTION_ACCEPT");
        network.put("rulesSource", "");
        network.put("ssoEnabled", false);
        network.putArray("tags");
        network.putObject("v4AssignMode").put("zt", false);
        network.putObject("v6AssignMode").put("6plane", false).put("rfc4193", false).put("zt", false);
        return network;
    }

    private static ObjectNode defaultMember(String networkId, String nodeId, long now) {
        ObjectNode member = JSON.createObjectNode();
        member.put("activeBridge", false);
        member.put("address", nodeId);
        member.put("authenticationExpiryTime", 0);
        member.put("authorized", false);
        member.putArray("capabilities");
        member.put("creationTime", now);
        member.put("id", nodeId);
        member.putArray("ipAssignments");
        member.putNull("lastAuthorizedCredential");
        member.putNull("lastAuthorizedCredentialType");
        member.put("lastAuthorizedTime", 0);
        member.put("lastDeauthorizedTime", 0);
        member.put("noAutoAssignIps", false);
        member.put("nwid", networkId);
        member.put("objtype", "member");
        member.put("remoteTraceLevel", 0);
        member.putNull("remoteTraceTarget");
        member.put("revision", 1);
        member.put("ssoExempt", false);
        member.putArray("tags");
        member.put("vMajor", -1);
        member.put("vMinor", -1);
        member.put("vProto", -1);
        member.put("vRev", -1);
        return member;
    }
}
