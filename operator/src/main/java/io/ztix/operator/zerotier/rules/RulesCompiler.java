package io.ztix.operator.zerotier.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.addressing.IpLiterals;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles ZeroTier's rules language into the controller's {@code rules} JSON, for the subset ZT-IX writes:
 * rules of the form {@code drop|accept|break <matches>;} and a final bare {@code accept;} or {@code drop;}, with
 * the matches {@code not}, {@code or}, {@code and}, {@code ztsrc}, {@code ztdest}, {@code ethertype},
 * {@code ipprotocol}, {@code icmp}, {@code sport}, {@code dport}, {@code framesize}, {@code ipsrc},
 * {@code ipdest} and {@code chr}. The output is the JSON ZeroTier's own compiler (the npm package
 * {@code zerotier-rule-compiler}, used by Central's editor) produces for the same text; a test compares the two.
 * Anything outside the subset (tags, capabilities, macros, tee/watch/redirect) is refused with its position
 * rather than compiled differently.
 */
public final class RulesCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Map<String, String> ACTIONS = Map.of(
            "drop", "ACTION_DROP", "accept", "ACTION_ACCEPT", "break", "ACTION_BREAK");

    private static final Map<String, Integer> ETHERTYPES = Map.of("ipv4", 0x0800, "arp", 0x0806, "wol", 0x0842,
            "rarp", 0x8035, "ipv6", 0x86dd, "atalk", 0x809b, "aarp", 0x80f3, "ipx_a", 0x8137, "ipx_b", 0x8138);

    private static final Map<String, Integer> IP_PROTOCOLS = Map.ofEntries(Map.entry("icmp", 1),
            Map.entry("icmp4", 1), Map.entry("icmpv4", 1), Map.entry("igmp", 2), Map.entry("ipip", 4),
            Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("igp", 9), Map.entry("udp", 17), Map.entry("rdp", 27),
            Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("icmp6", 58), Map.entry("icmpv6", 58),
            Map.entry("l2tp", 115), Map.entry("sctp", 132), Map.entry("udplite", 136));

    /** Bit index (0 = least significant) of each named packet characteristic. */
    private static final Map<String, Integer> CHARACTERISTICS = Map.ofEntries(Map.entry("inbound", 63),
            Map.entry("multicast", 62), Map.entry("broadcast", 61), Map.entry("ipauth", 60), Map.entry("macauth", 59),
            Map.entry("tcp_fin", 0), Map.entry("tcp_syn", 1), Map.entry("tcp_rst", 2), Map.entry("tcp_psh", 3),
            Map.entry("tcp_ack", 4), Map.entry("tcp_urg", 5), Map.entry("tcp_ece", 6), Map.entry("tcp_cwr", 7),
            Map.entry("tcp_ns", 8), Map.entry("tcp_rs2", 9), Map.entry("tcp_rs1", 10), Map.entry("tcp_rs0", 11));

    private RulesCompiler() {
    }

    /** The compiled rules, in order; {@link RulesSyntaxException} for text outside the subset. */
    public static ArrayNode compile(String source) {
        ArrayNode rules = JSON.arrayNode();
        List<Token> tokens = Token.split(source);
        int i = 0;
        while (i < tokens.size()) {
            Token action = tokens.get(i++);
            String type = ACTIONS.get(action.text());
            if (type == null) {
                throw new RulesSyntaxException(action, "expected one of drop, accept, break");
            }
            if (action.endsRule()) {
                if (i < tokens.size()) {
                    throw new RulesSyntaxException(action, "a rule without conditions must be the last rule");
                }
            } else {
                i = matches(tokens, i, rules);
            }
            rules.addObject().put("type", type);
        }
        return rules;
    }

    /** Compiles the conditions from {@code start} up to the word that ends the rule; returns the index after it. */
    private static int matches(List<Token> tokens, int start, ArrayNode rules) {
        boolean not = false;
        boolean or = false;
        int i = start;
        boolean any = false;
        while (true) {
            if (i >= tokens.size()) {
                throw new RulesSyntaxException(tokens.get(tokens.size() - 1), "rule is not closed with ';'");
            }
            Token word = tokens.get(i++);
            if (word.text().isEmpty()) {
                if (!any) {
                    throw new RulesSyntaxException(word, "a rule without conditions must be written as 'accept;'");
                }
                return i;
            }
            switch (word.text()) {
                case "and" -> { }
                case "not" -> not = true;
                case "or" -> or = true;
                default -> {
                    int arguments = word.text().equals("icmp") ? 2 : 1;
                    if (i + arguments > tokens.size()) {
                        throw new RulesSyntaxException(word, "missing argument");
                    }
                    List<Token> args = tokens.subList(i, i + arguments);
                    for (int a = 0; a < arguments - 1; a++) {
                        if (args.get(a).endsRule()) {
                            throw new RulesSyntaxException(args.get(a), "missing argument");
                        }
                    }
                    i += arguments;
                    rules.add(match(word, args, not, or));
                    not = false;
                    or = false;
                    any = true;
                    if (args.get(arguments - 1).endsRule()) {
                        return i;
                    }
                }
            }
            if (word.endsRule()) {
                if (!any) {
                    throw new RulesSyntaxException(word, "a rule without conditions must be written as 'accept;'");
                }
                return i;
            }
        }
    }

    private static ObjectNode match(Token keyword, List<Token> args, boolean not, boolean or) {
        Token arg = args.get(0);
        String value = arg.text();
        return switch (keyword.text()) {
            case "ztsrc", "ztdest" -> head(keyword.text().equals("ztsrc") ? "MATCH_SOURCE_ZEROTIER_ADDRESS"
                    : "MATCH_DEST_ZEROTIER_ADDRESS", not, or).put("zt", ztAddress(arg));
            case "ethertype" -> head("MATCH_ETHERTYPE", not, or)
                    .put("etherType", named(arg, ETHERTYPES, 0xffff));
            case "ipprotocol" -> head("MATCH_IP_PROTOCOL", not, or)
                    .put("ipProtocol", named(arg, IP_PROTOCOLS, 0xff));
            case "icmp" -> icmp(args, not, or);
            case "sport", "dport", "framesize" -> range(keyword.text(), arg, not, or);
            case "ipsrc", "ipdest" -> ip(keyword.text().equals("ipsrc"), arg, not, or);
            case "chr" -> head("MATCH_CHARACTERISTICS", not, or).put("mask", characteristics(arg));
            default -> throw new RulesSyntaxException(keyword, "unknown or unsupported match '" + keyword.text() + "'");
        };
    }

    private static ObjectNode head(String type, boolean not, boolean or) {
        return JSON.objectNode().put("type", type).put("not", not).put("or", or);
    }

    private static String ztAddress(Token arg) {
        if (!arg.text().matches("[0-9a-f]{10}")) {
            throw new RulesSyntaxException(arg, "a ZeroTier address is 10 lower-case hex digits");
        }
        return arg.text();
    }

    private static int named(Token arg, Map<String, Integer> names, int max) {
        Integer known = names.get(arg.text());
        return known != null ? known : number(arg, 0, max);
    }

    private static ObjectNode icmp(List<Token> args, boolean not, boolean or) {
        ObjectNode rule = head("MATCH_ICMP", not, or).put("icmpType", number(args.get(0), 0, 0xff));
        if (args.get(1).text().equals("-1")) {
            return rule.putNull("icmpCode");
        }
        return rule.put("icmpCode", number(args.get(1), 0, 0xff));
    }

    private static ObjectNode range(String keyword, Token arg, boolean not, boolean or) {
        String type = switch (keyword) {
            case "sport" -> "MATCH_IP_SOURCE_PORT_RANGE";
            case "dport" -> "MATCH_IP_DEST_PORT_RANGE";
            default -> "MATCH_FRAME_SIZE_RANGE";
        };
        String[] bounds = arg.text().split("-", -1);
        if (bounds.length > 2) {
            throw new RulesSyntaxException(arg, "expected a number or a range low-high");
        }
        int start = number(arg, bounds[0], 0, 0xffff);
        int end = bounds.length == 2 ? number(arg, bounds[1], 0, 0xffff) : start;
        if (end < start) {
            throw new RulesSyntaxException(arg, "the range ends before it starts");
        }
        return head(type, not, or).put("start", start).put("end", end);
    }

    private static ObjectNode ip(boolean source, Token arg, boolean not, boolean or) {
        String text = arg.text();
        if (!text.contains("/") || IpLiterals.canonical(text).isEmpty()) {
            throw new RulesSyntaxException(arg, "expected an address with a /length, such as 203.0.113.0/24");
        }
        boolean v6 = text.contains(":");
        int bits = Integer.parseInt(text.substring(text.indexOf('/') + 1));
        if (bits > (v6 ? 128 : 32)) {
            throw new RulesSyntaxException(arg, "prefix length out of range");
        }
        String type = "MATCH_IPV" + (v6 ? "6" : "4") + (source ? "_SOURCE" : "_DEST");
        return head(type, not, or).put("ip", text);
    }

    private static String characteristics(Token arg) {
        long mask = 0;
        for (String name : arg.text().split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            Integer bit = CHARACTERISTICS.get(name);
            if (bit == null) {
                throw new RulesSyntaxException(arg, "unknown characteristic '" + name + "'");
            }
            mask |= 1L << bit;
        }
        return String.format(Locale.ROOT, "%016x", mask);
    }

    private static int number(Token arg, int min, int max) {
        return number(arg, arg.text(), min, max);
    }

    private static int number(Token arg, String text, int min, int max) {
        long value;
        try {
            value = text.startsWith("0x") && text.length() > 2 ? Long.parseLong(text.substring(2), 16)
                    : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RulesSyntaxException(arg, "expected a number");
        }
        if (value < min || value > max) {
            throw new RulesSyntaxException(arg, "number out of range " + min + ".." + max);
        }
        return (int) value;
    }
}
