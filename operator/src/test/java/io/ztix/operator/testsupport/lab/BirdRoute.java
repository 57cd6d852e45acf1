package io.ztix.operator.testsupport.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of {@code birdc show route all} (BIRD 2 or 3): its prefix, the protocol it came from, the gateway
 * ({@code via}), and its BGP attributes. Communities are written {@code 64501:100}, large
 * communities {@code 64500:0:64502}.
 */
public record BirdRoute(
        String prefix,
        String fromProtocol,
        String via,
        String bgpNextHop,
        List<Long> asPath,
        List<String> communities,
        List<String> largeCommunities,
        Map<String, String> attributes) {

    private static final Pattern HEADER_PROTOCOL = Pattern.compile("\\[(\\S+?)[\\s\\]]");
    private static final Pattern VIA = Pattern.compile("^via (\\S+)");
    private static final Pattern COMMUNITY = Pattern.compile("\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern LARGE_COMMUNITY = Pattern.compile("\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)");

    /** The first AS of the path (the neighbour that announced it), or -1 for an empty path. */
    public long firstAs() {
        return asPath.isEmpty() ? -1 : asPath.get(0);
    }

    /** Parses {@code birdc show route all [table T]} output; banner and table lines are skipped. */
    public static List<BirdRoute> parseAll(String output) {
        List<BirdRoute> routes = new ArrayList<>();
        String prefix = null;
        Builder current = null;
        for (String line : output.split("\n")) {
            if (line.isBlank() || line.startsWith("BIRD ") || line.startsWith("Table ")) {
                continue;
            }
            if (line.startsWith("\t")) {
                if (current == null) {
                    throw new IllegalArgumentException("attribute line before any route: " + line);
                }
                current.attribute(line.strip());
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                prefix = line.split("\\s+", 2)[0];
            }
            Matcher protocol = HEADER_PROTOCOL.matcher(line);
            if (prefix == null || !protocol.find()) {
                throw new IllegalArgumentException("unexpected line in birdc route output: " + line);
            }
            if (current != null) {
                routes.add(current.build());
            }
            current = new Builder(prefix, protocol.group(1));
        }
        if (current != null) {
            routes.add(current.build());
        }
        return routes;
    }

    private static final class Builder {
        private final String prefix;
        private final String protocol;
        private String via = "";
        private final Map<String, String> attributes = new LinkedHashMap<>();

        Builder(String prefix, String protocol) {
            this.prefix = prefix;
            this.protocol = protocol;
        }

        void attribute(String line) {
            Matcher viaMatcher = VIA.matcher(line);
            if (viaMatcher.find()) {
                via = viaMatcher.group(1);
                return;
            }
            int colon = line.indexOf(": ");
            if (colon > 0) {
                attributes.put(line.substring(0, colon), line.substring(colon + 2).strip());
            } else if (line.endsWith(":")) {
                attributes.put(line.substring(0, line.length() - 1), "");
            }
        }

        BirdRoute build() {
            String nextHop = attribute("BGP.next_hop", "bgp_next_hop");
            return new BirdRoute(prefix, protocol, via,
                    nextHop.isEmpty() ? "" : nextHop.split("\\s+")[0],
                    asPath(attribute("BGP.as_path", "bgp_path")),
                    pairs(COMMUNITY, attribute("BGP.community", "bgp_community")),
                    pairs(LARGE_COMMUNITY, attribute("BGP.large_community", "bgp_large_community")),
                    Map.copyOf(attributes));
        }

        /** BIRD 2 prints {@code BGP.as_path}, BIRD 3 the filter name {@code bgp_path}. */
        private String attribute(String bird2Name, String bird3Name) {
            return attributes.getOrDefault(bird2Name, attributes.getOrDefault(bird3Name, ""));
        }

        private static List<Long> asPath(String path) {
            return Arrays.stream(path.split("[\\s{},]+"))
                    .filter(token -> !token.isEmpty())
                    .map(Long::parseLong)
                    .toList();
        }

        private static List<String> pairs(Pattern pattern, String value) {
            List<String> result = new ArrayList<>();
            Matcher matcher = pattern.matcher(value);
            while (matcher.find()) {
                List<String> parts = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    parts.add(matcher.group(group));
                }
                result.add(String.join(":", parts));
            }
            return List.copyOf(result);
        }
    }
}
