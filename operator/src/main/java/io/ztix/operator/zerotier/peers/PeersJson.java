package io.ztix.operator.zerotier.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import io.ztix.operator.zerotier.ZeroTierIds;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the output of {@code zerotier-cli -j peers} (the service's {@code GET /peer}): an array of peers, each
 * {@code {"address":"<10 hex>","latency":ms|-1,"role":"LEAF|MOON|PLANET","version":"1.14.2"|"-1.-1.-1",
 * "paths":[{"address":"ip/port","active":bool,"expired":bool,"preferred":bool,"lastSend":ms,"lastReceive":ms}]}}
 * (zerotier-one's {@code _peerToJson}). A path counts when it is active and not expired.
 */
public final class PeersJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN_VERSION = "-1.-1.-1";

    private PeersJson() {
    }

    /**
     * Peers by node ID; entries without a valid address are skipped.
     *
     * @throws IllegalArgumentException when the text is not a JSON array
     */
    public static Map<String, Peer> parse(String output) {
        JsonNode peers;
        try {
            peers = JSON.readTree(output == null ? "" : output);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("zerotier-cli -j peers printed no JSON: " + e.getOriginalMessage());
        }
        if (peers == null || !peers.isArray()) {
            throw new IllegalArgumentException("zerotier-cli -j peers printed no JSON array");
        }
        Map<String, Peer> byNode = new LinkedHashMap<>();
        for (JsonNode peer : peers) {
            String address = peer.path("address").asText("");
            if (ZeroTierIds.isNodeId(address)) {
                String node = address.toLowerCase(Locale.ROOT);
                byNode.put(node, peer(node, peer));
            }
        }
        return byNode;
    }

    private static Peer peer(String node, JsonNode peer) {
        int latency = peer.path("latency").isIntegralNumber() ? peer.get("latency").asInt() : -1;
        boolean direct = false;
        for (JsonNode path : peer.path("paths")) {
            direct |= path.path("active").asBoolean(false) && !path.path("expired").asBoolean(false);
        }
        Reach reach = direct ? Reach.Direct : latency >= 0 ? Reach.Relayed : Reach.Unreachable;
        String version = peer.path("version").asText("");
        return new Peer(node, peer.path("role").asText(""), reach, latency >= 0 ? latency : null,
                version.isEmpty() || version.equals(UNKNOWN_VERSION) ? null : version);
    }
}
