package io.ztix.operator.zerotier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of network and member settings. Self-hosted controllers keep these fields at the top level of
 * the object; Central nests the same fields under {@code "config"} — callers choose the node.
 */
final class ZeroTierJson {

    private ZeroTierJson() {
    }

    static ObjectNode object() {
        return ControllerHttp.JSON.createObjectNode();
    }

    /** Writes every ZT-IX-owned network field, arrays in full. */
    static void writeNetwork(ObjectNode target, NetworkSettings settings) {
        target.put("name", settings.name());
        target.put("private", NetworkSettings.PRIVATE);
        target.putObject("v4AssignMode").put("zt", false);
        target.putObject("v6AssignMode").put("zt", false).put("6plane", false).put("rfc4193", false);
        target.putArray("ipAssignmentPools");
        ArrayNode routes = target.putArray("routes");
        for (Route route : settings.routes()) {
            ObjectNode json = routes.addObject().put("target", route.target());
            if (route.via() == null) {
                json.putNull("via");
            } else {
                json.put("via", route.via());
            }
        }
        target.put("mtu", settings.mtu());
        if (settings.rules() != null) {
            target.set("rules", settings.rules().rules());
        }
    }

    static NetworkInfo readNetwork(String fallbackId, JsonNode config, long revision) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode route : config.path("routes")) {
            JsonNode via = route.path("via");
            routes.add(new Route(route.path("target").asText(null), via.isTextual() ? via.asText() : null));
        }
        List<NetworkInfo.IpRange> pools = new ArrayList<>();
        for (JsonNode pool : config.path("ipAssignmentPools")) {
            pools.add(new NetworkInfo.IpRange(pool.path("ipRangeStart").asText(null), pool.path("ipRangeEnd").asText(null)));
        }
        JsonNode v6 = config.path("v6AssignMode");
        AssignModes modes = new AssignModes(config.path("v4AssignMode").path("zt").asBoolean(false),
                v6.path("zt").asBoolean(false), v6.path("6plane").asBoolean(false), v6.path("rfc4193").asBoolean(false));
        String id = config.path("id").isTextual() ? config.path("id").asText() : fallbackId;
        return new NetworkInfo(id.toLowerCase(Locale.ROOT), config.path("name").asText(""),
                config.path("private").asBoolean(false), routes, config.path("mtu").asInt(0), modes, pools, config.path("rules"), revision);
    }

    /** Writes the member settings (name excluded: its place differs between the APIs). */
    static void writeMemberConfig(ObjectNode target, MemberSettings settings) {
        target.put("authorized", settings.authorized());
        ArrayNode ips = target.putArray("ipAssignments");
        settings.ipAssignments().forEach(ips::add);
        target.put("noAutoAssignIps", settings.noAutoAssignIps());
    }

    static Member readMember(String nodeId, JsonNode config, JsonNode name) {
        List<String> ips = new ArrayList<>();
        config.path("ipAssignments").forEach(ip -> ips.add(ip.asText()));
        return new Member(nodeId.toLowerCase(Locale.ROOT), config.path("authorized").asBoolean(false), ips,
                config.path("noAutoAssignIps").asBoolean(false), name.isTextual() ? name.asText() : null,
                config.path("revision").asLong(0));
    }
}
