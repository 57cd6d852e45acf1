package io.ztix.operator.zerotier.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.addressing.IpLiterals;
import java.util.Optional;

/**
 * How zerotier-one 1.14 applies a POSTed object: known fields only, wrong types silently ignored (the old
 * value stays), booleans coerced like its {@code jsonBool} ({@code "yes"} is false, {@code "true"} true),
 * arrays replaced whole, addresses re-written in canonical form and invalid entries dropped, flow rules parsed and
 * rendered back as the controller does ({@link ControllerRules}).
 */
final class ZeroTierFieldRules {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MIN_MTU = 1280;
    private static final int MAX_MTU = 10000;

    private ZeroTierFieldRules() {
    }

    static void applyNetwork(ObjectNode network, JsonNode body) {
        string(network, body, "name");
        bool(network, body, "private");
        bool(network, body, "enableBroadcast");
        number(body, "mtu").ifPresent(mtu -> network.put("mtu", Math.max(MIN_MTU, Math.min(MAX_MTU, mtu))));
        number(body, "multicastLimit").ifPresent(limit -> network.put("multicastLimit", limit));
        assignModes(network, body, "v4AssignMode", "zt");
        assignModes(network, body, "v6AssignMode", "zt", "6plane", "rfc4193");
        if (body.path("routes").isArray()) {
            ArrayNode routes = NODES.arrayNode();
            body.get("routes").forEach(route -> route(route).ifPresent(routes::add));
            network.set("routes", routes);
        }
        if (body.path("ipAssignmentPools").isArray()) {
            ArrayNode pools = NODES.arrayNode();
            body.get("ipAssignmentPools").forEach(pool -> pool(pool).ifPresent(pools::add));
            network.set("ipAssignmentPools", pools);
        }
        if (body.path("rules").isArray()) {
            network.set("rules", ControllerRules.store(body.get("rules")));
        }
        for (String array : new String[] {"dns", "tags", "capabilities"}) {
            if (body.path(array).isArray()) {
                network.set(array, body.get(array).deepCopy());
            }
        }
    }

    /** Applies a member POST; returns nothing, the caller compares before and after. */
    static void applyMember(ObjectNode member, JsonNode body, long now) {
        if (body.has("authorized")) {
            boolean authorized = jsonBool(body.get("authorized"), false);
            if (authorized != member.path("authorized").asBoolean()) {
                member.put("authorized", authorized);
                if (authorized) {
                    member.put("lastAuthorizedTime", now);
                    member.put("lastAuthorizedCredentialType", "api");
                } else {
                    member.put("lastDeauthorizedTime", now);
                }
            }
        }
        bool(member, body, "activeBridge");
        bool(member, body, "noAutoAssignIps");
        bool(member, body, "ssoExempt");
        string(member, body, "name");
        if (body.path("ipAssignments").isArray()) {
            ArrayNode ips = NODES.arrayNode();
            body.get("ipAssignments").forEach(ip -> {
                if (ip.isTextual()) {
                    String text = ip.asText();
                    canonicalIp(text.contains("/") ? text.substring(0, text.indexOf('/')) : text).ifPresent(ips::add);
                }
            });
            member.set("ipAssignments", ips);
        }
        for (String array : new String[] {"tags", "capabilities"}) {
            if (body.path(array).isArray()) {
                member.set(array, body.get(array).deepCopy());
            }
        }
    }

    /** zerotier-one's jsonBool: booleans as they are, numbers > 0, strings starting with t, T or 1. */
    static boolean jsonBool(JsonNode value, boolean fallback) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() > 0;
        }
        if (value.isTextual()) {
            String text = value.asText();
            return !text.isEmpty() && "tT1".indexOf(text.charAt(0)) >= 0;
        }
        return fallback;
    }

    private static void bool(ObjectNode target, JsonNode body, String field) {
        if (body.has(field) && !body.get(field).isNull()) {
            target.put(field, jsonBool(body.get(field), target.path(field).asBoolean()));
        }
    }

    private static void string(ObjectNode target, JsonNode body, String field) {
        if (body.path(field).isTextual()) {
            target.put(field, body.get(field).asText());
        }
    }

    private static Optional<Integer> number(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isIntegralNumber()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual() && value.asText().matches("[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(value.asText()));
        }
        return Optional.empty();
    }

    private static void assignModes(ObjectNode network, JsonNode body, String field, String... modes) {
        JsonNode value = body.path(field);
        if (!value.isObject()) {
            return;
        }
        ObjectNode current = network.get(field) instanceof ObjectNode existing ? existing : network.putObject(field);
        for (String mode : modes) {
            if (value.has(mode)) {
                current.put(mode, jsonBool(value.get(mode), false));
            }
        }
    }

    private static Optional<ObjectNode> route(JsonNode route) {
        if (!route.path("target").isTextual()) {
            return Optional.empty();
        }
        String target = route.get("target").asText();
        int slash = target.indexOf('/');
        if (slash < 0 || !target.substring(slash + 1).matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(target.substring(slash + 1));
        Optional<String> address = canonicalIp(target.substring(0, slash));
        if (address.isEmpty() || bits > (address.get().contains(":") ? 128 : 32)) {
            return Optional.empty();
        }
        ObjectNode json = NODES.objectNode().put("target", address.get() + "/" + bits);
        Optional<String> via = route.path("via").isTextual() ? canonicalIp(route.get("via").asText()) : Optional.empty();
        if (via.isPresent() && via.get().contains(":") == address.get().contains(":")) {
            json.put("via", via.get());
        } else {
            json.putNull("via");
        }
        return Optional.of(json);
    }

    private static Optional<ObjectNode> pool(JsonNode pool) {
        Optional<String> start = pool.path("ipRangeStart").isTextual() ? canonicalIp(pool.get("ipRangeStart").asText())
                : Optional.empty();
        Optional<String> end = pool.path("ipRangeEnd").isTextual() ? canonicalIp(pool.get("ipRangeEnd").asText())
                : Optional.empty();
        if (start.isEmpty() || end.isEmpty() || start.get().contains(":") != end.get().contains(":")) {
            return Optional.empty();
        }
        return Optional.of(NODES.objectNode().put("ipRangeEnd", end.get()).put("ipRangeStart", start.get()));
    }

    /** A bare address in canonical text, as zerotier-one's InetAddress writes it back. */
    static Optional<String> canonicalIp(String text) {
        return text.contains("/") ? Optional.empty() : IpLiterals.canonical(text);
    }
}
