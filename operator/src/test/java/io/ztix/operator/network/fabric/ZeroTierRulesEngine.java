package io.ztix.operator.network.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.addressing.IpLiterals;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

/**
 * A model of how a zerotier-one 1.x node evaluates compiled flow rules on a frame (node/Network.cpp
 * {@code _doZtFilter}), for the matches ZT-IX writes: rules are read in order, matches AND together (OR with the
 * {@code or} bit, inverted with {@code not}), the first action whose matches all hold decides, and an action
 * that does not apply starts a new set. {@code chr ipauth} holds when the sender has a certificate of ownership
 * for the address the frame speaks for: the sender IP of an ARP frame, the target of an IPv6 neighbor
 * advertisement, the source of any other IP packet; every neighbor solicitation counts as authenticated. The
 * controller issues those certificates for the member's assigned addresses only, so link-local addresses never
 * have one. No zerotier-one runs here; this model is built from its source and documentation.
 */
final class ZeroTierRulesEngine {

    static final int IPV4 = 0x0800;
    static final int ARP = 0x0806;
    static final int IPV6 = 0x86dd;

    /** One frame as the sender's node sees it. */
    record Frame(String senderNode, int etherType, boolean multicast, String ipSource, int ipProtocol,
                 int icmpType, int sourcePort, int destPort, String claimedAddress) {

        /** The address ipauth judges: ARP sender, NA target, else the IP source; null for a neighbor solicitation. */
        String authenticatedAddress() {
            return claimedAddress != null ? claimedAddress : ipSource;
        }

        boolean neighborSolicitation() {
            return etherType == IPV6 && ipProtocol == 58 && icmpType == 135;
        }
    }

    private final Map<String, Set<String>> owned;

    /** @param owned node ID -> the addresses its certificate of ownership covers */
    ZeroTierRulesEngine(Map<String, Set<String>> owned) {
        this.owned = owned;
    }

    /** True when the rules accept the frame; a rule set that ends without a decision drops. */
    boolean accepts(JsonNode rules, Frame frame) {
        boolean setMatches = true;
        for (JsonNode rule : rules) {
            String type = rule.get("type").asText();
            if (type.startsWith("ACTION_")) {
                if (setMatches && (type.equals("ACTION_ACCEPT") || type.equals("ACTION_DROP"))) {
                    return type.equals("ACTION_ACCEPT");
                }
                setMatches = true;
                continue;
            }
            boolean matches = matches(type, rule, frame) ^ rule.path("not").asBoolean();
            setMatches = rule.path("or").asBoolean() ? setMatches || matches : setMatches && matches;
        }
        return false;
    }

    private boolean matches(String type, JsonNode rule, Frame frame) {
        boolean ip = frame.etherType() == IPV4 || frame.etherType() == IPV6;
        return switch (type) {
            case "MATCH_SOURCE_ZEROTIER_ADDRESS" -> rule.get("zt").asText().equals(frame.senderNode());
            case "MATCH_ETHERTYPE" -> rule.get("etherType").asInt() == frame.etherType();
            case "MATCH_IP_PROTOCOL" -> ip && rule.get("ipProtocol").asInt() == frame.ipProtocol();
            case "MATCH_ICMP" -> ip && (frame.ipProtocol() == 1 || frame.ipProtocol() == 58)
                    && rule.get("icmpType").asInt() == frame.icmpType();
            case "MATCH_IP_SOURCE_PORT_RANGE" -> inRange(rule, frame.sourcePort());
            case "MATCH_IP_DEST_PORT_RANGE" -> inRange(rule, frame.destPort());
            case "MATCH_IPV4_SOURCE" -> frame.etherType() == IPV4 && contains(rule.get("ip").asText(), frame.ipSource());
            case "MATCH_IPV6_SOURCE" -> frame.etherType() == IPV6 && contains(rule.get("ip").asText(), frame.ipSource());
            case "MATCH_CHARACTERISTICS" -> (new BigInteger(rule.get("mask").asText(), 16).longValue() & characteristics(frame)) != 0;
            default -> throw new IllegalArgumentException("the model does not know " + type);
        };
    }

    private long characteristics(Frame frame) {
        long flags = frame.multicast() ? 1L << 62 : 0;
        String address = frame.authenticatedAddress();
        boolean authenticated = frame.neighborSolicitation() || address != null
                && owned.getOrDefault(frame.senderNode(), Set.of()).contains(IpLiterals.canonicalOrSelf(address));
        return authenticated ? flags | 1L << 60 : flags;
    }

    private static boolean inRange(JsonNode rule, int port) {
        return port > 0 && port >= rule.get("start").asInt() && port <= rule.get("end").asInt();
    }

    private static boolean contains(String prefix, String address) {
        if (address == null) {
            return false;
        }
        int slash = prefix.indexOf('/');
        int bits = Integer.parseInt(prefix.substring(slash + 1));
        byte[] net = bytes(prefix.substring(0, slash));
        byte[] ip = bytes(address);
        if (net.length != ip.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((net[i / 8] & mask) != (ip[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
