package io.ztix.operator.zerotier.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How zerotier-one's controller stores a POSTed {@code rules} array: every entry is parsed into its binary rule
 * and rendered back (EmbeddedNetworkController {@code _parseRule}/{@code _renderRule}): entries that are not
 * objects or have an unknown type are dropped, actions keep only {@code type} (plus their target), matches get
 * {@code not}/{@code or} coerced like {@code jsonBool}, numbers are masked to their field width and addresses are
 * written back in the controller's own spelling. A {@code rules} value that is not an array leaves the old rules.
 */
final class ControllerRules {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PLAIN_ACTIONS = Set.of("ACTION_DROP", "ACTION_ACCEPT", "ACTION_BREAK");
    private static final Set<String> TAG_MATCHES = Set.of("MATCH_TAGS_DIFFERENCE", "MATCH_TAGS_BITWISE_AND",
            "MATCH_TAGS_BITWISE_OR", "MATCH_TAGS_BITWISE_XOR", "MATCH_TAGS_EQUAL", "MATCH_TAG_SENDER", "MATCH_TAG_RECEIVER");

    private ControllerRules() {
    }

    static ArrayNode store(JsonNode posted) {
        ArrayNode stored = NODES.arrayNode();
        posted.forEach(rule -> render(rule).ifPresent(stored::add));
        return stored;
    }

    private static Optional<ObjectNode> render(JsonNode rule) {
        if (!rule.isObject()) {
            return Optional.empty();
        }
        String type = rule.path("type").isTextual() ? rule.get("type").asText() : "";
        ObjectNode out = NODES.objectNode().put("type", type);
        if (PLAIN_ACTIONS.contains(type)) {
            return Optional.of(out);
        }
        if (type.equals("ACTION_TEE") || type.equals("ACTION_WATCH") || type.equals("ACTION_REDIRECT")) {
            out.put("address", String.format(Locale.ROOT, "%010x", hex(rule.path("address")) & 0xff_ffff_ffffL));
            out.put("flags", integer(rule.path("flags"), 0) & 0xffffffffL);
            if (!type.equals("ACTION_REDIRECT")) {
                out.put("length", integer(rule.path("length"), 0) & 0xffff);
            }
            return Optional.of(out);
        }
        if (!match(type, rule, out)) {
            return Optional.empty();
        }
        out.put("not", ZeroTierFieldRules.jsonBool(rule.path("not"), false));
        out.put("or", ZeroTierFieldRules.jsonBool(rule.path("or"), false));
        return Optional.of(out);
    }

    private static boolean match(String type, JsonNode rule, ObjectNode out) {
        switch (type) {
            case "MATCH_SOURCE_ZEROTIER_ADDRESS", "MATCH_DEST_ZEROTIER_ADDRESS" ->
                    out.put("zt", String.format(Locale.ROOT, "%010x", hex(rule.path("zt")) & 0xff_ffff_ffffL));
            case "MATCH_VLAN_ID" -> out.put("vlanId", integer(rule.path("vlanId"), 0) & 0xffff);
            case "MATCH_VLAN_PCP" -> out.put("vlanPcp", integer(rule.path("vlanPcp"), 0) & 0xff);
            case "MATCH_VLAN_DEI" -> out.put("vlanDei", integer(rule.path("vlanDei"), 0) & 0xff);
            case "MATCH_ETHERTYPE" -> out.put("etherType", integer(rule.path("etherType"), 0) & 0xffff);
            case "MATCH_IP_PROTOCOL" -> out.put("ipProtocol", integer(rule.path("ipProtocol"), 0) & 0xff);
            case "MATCH_MAC_SOURCE", "MATCH_MAC_DEST" -> out.put("mac", rule.path("mac").asText("").toLowerCase(Locale.ROOT));
            case "MATCH_IPV4_SOURCE", "MATCH_IPV4_DEST" -> out.put("ip", prefix(rule.path("ip"), false));
            case "MATCH_IPV6_SOURCE", "MATCH_IPV6_DEST" -> out.put("ip", prefix(rule.path("ip"), true));
            case "MATCH_ICMP" -> {
                out.put("icmpType", integer(rule.path("icmpType"), 0) & 0xff);
                if (rule.path("icmpCode").isNull() || rule.path("icmpCode").isMissingNode()) {
                    out.putNull("icmpCode");
                } else {
                    out.put("icmpCode", integer(rule.path("icmpCode"), 0) & 0xff);
                }
            }
            case "MATCH_IP_SOURCE_PORT_RANGE", "MATCH_IP_DEST_PORT_RANGE", "MATCH_FRAME_SIZE_RANGE" -> {
                long start = integer(rule.path("start"), 0) & 0xffff;
                out.put("start", start).put("end", integer(rule.path("end"), start) & 0xffff);
            }
            case "MATCH_CHARACTERISTICS" -> out.put("mask", String.format(Locale.ROOT, "%016x",
                    rule.path("mask").isNumber() ? rule.get("mask").asLong() : hex(rule.path("mask"))));
            case "MATCH_RANDOM" -> out.put("probability", integer(rule.path("probability"), 0) & 0xffffffffL);
            default -> {
                if (!TAG_MATCHES.contains(type)) {
                    return false;
                }
                out.put("id", integer(rule.path("id"), 0) & 0xffffffffL).put("value", integer(rule.path("value"), 0) & 0xffffffffL);
            }
        }
        return true;
    }

    /** An address/bits the controller understands, canonical; anything else becomes the zero prefix. */
    private static String prefix(JsonNode ip, boolean v6) {
        String text = ip.asText("");
        int slash = text.indexOf('/');
        Optional<String> address = ZeroTierFieldRules.canonicalIp(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty() || address.get().contains(":") != v6) {
            return v6 ? "::/0" : "0.0.0.0/0";
        }
        int bits = slash < 0 || !text.substring(slash + 1).matches("[0-9]{1,3}") ? 0 : Integer.parseInt(text.substring(slash + 1));
        return address.get() + "/" + Math.min(bits, v6 ? 128 : 32);
    }

    private static long integer(JsonNode value, long fallback) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.asText());
        }
        return fallback;
    }

    private static long hex(JsonNode value) {
        String text = value.asText("").toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
        return text.isEmpty() ? 0 : Long.parseUnsignedLong(text.length() > 16 ? text.substring(0, 16) : text, 16);
    }
}
