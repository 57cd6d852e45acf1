package io.ztix.operator.zerotier.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.addressing.IpLiterals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A network's flow rules: the readable source and the compiled JSON the controller stores. A controller
 * re-renders what it is given (actions without {@code not}/{@code or}, addresses in its own spelling), so
 * {@link #sameAs} compares the canonical form of both sides rather than the bytes.
 */
public record RuleSet(String source, ArrayNode rules) {

    public RuleSet {
        rules = rules.deepCopy();
    }

    public static RuleSet compile(String source) {
        return new RuleSet(source, RulesCompiler.compile(source));
    }

    /** The compiled rules (a copy). */
    @Override
    public ArrayNode rules() {
        return rules.deepCopy();
    }

    public int size() {
        return rules.size();
    }

    /** The first 16 hex digits of the SHA-256 of the canonical compiled rules. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(rules).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code stored} (a controller's {@code rules} array) means exactly these rules. */
    public boolean sameAs(JsonNode stored) {
        return stored != null && stored.isArray() && canonical(rules).equals(canonical(stored));
    }

    /** Rules in one spelling: keys sorted, integers of one width, {@code not}/{@code or} only on matches (false when absent), addresses canonical. */
    static ArrayNode canonical(JsonNode rules) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode rule : rules) {
            if (!rule.isObject()) {
                out.add(rule);
                continue;
            }
            ObjectNode copy = ((ObjectNode) rule).deepCopy();
            if (copy.path("type").asText("").startsWith("MATCH_")) {
                copy.put("not", copy.path("not").asBoolean(false));
                copy.put("or", copy.path("or").asBoolean(false));
            } else {
                copy.remove("not");
                copy.remove("or");
            }
            if (copy.path("ip").isTextual()) {
                copy.put("ip", IpLiterals.canonicalOrSelf(copy.get("ip").asText()));
            }
            ObjectNode sorted = out.addObject();
            new TreeMap<>(copy.properties().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .forEach((key, value) -> sorted.set(key, value.isIntegralNumber()
                            ? JsonNodeFactory.instance.numberNode(value.asLong()) : value));
        }
        return out;
    }

    @Override
    public String toString() {
        return "RuleSet[" + rules.size() + " rules, " + hash() + "]";
    }
}
