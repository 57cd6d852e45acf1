package io.ztix.operator.lookingglass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code birdc show route [filtered] ... all} as BIRD 2 and BIRD 3 print it: a route line
 * ({@code 45.128.10.0/24  unicast [m_as64501_..._v4 17:48:35.482 from 203.0.113.11] * (100) [AS64501i]}; an
 * alternative route of the same network starts with blanks) followed by tab-indented attribute lines, which BIRD 2
 * names {@code BGP.as_path} and BIRD 3 {@code bgp_path}.
 */
final class BirdRouteParser {

    private static final Pattern ROUTE = Pattern.compile(
            "(\\S+)?\\s+(\\S+)\\s+\\[(\\S+)\\s+([^\\]]*?)(?:\\s+from\\s+(\\S+))?\\]\\s*(\\*)?\\s*(?:\\((\\d+)(?:/\\S*)?\\))?.*");
    private static final Pattern PAIR = Pattern.compile("\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern TRIPLE = Pattern.compile("\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)");
    private static final Pattern VIA = Pattern.compile("(?:hostentry: )?via (\\S+)");

    private BirdRouteParser() {
    }

    /**
     * @throws IllegalArgumentException when the output is not route output (e.g. birdc could not reach BIRD);
     *         "Network not found" and an empty table are no routes
     */
    static List<Route> parse(String output) {
        List<Route> routes = new ArrayList<>();
        Builder current = null;
        String network = null;
        boolean answered = false;
        for (String line : output.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("BIRD ") && line.endsWith("ready.")) {
                answered = true;
                continue;
            }
            if (line.startsWith("Table ") || line.equals("Network not found")) {
                continue;
            }
            if (line.startsWith("\t")) {
                if (current != null) {
                    current.attribute(line.strip());
                }
                continue;
            }
            Matcher route = ROUTE.matcher(line);
            if (!route.matches()) {
                throw new IllegalArgumentException("not birdc route output: " + abbreviate(line));
            }
            if (route.group(1) != null) {
                network = route.group(1);
            }
            if (network == null) {
                throw new IllegalArgumentException("route line without a network: " + abbreviate(line));
            }
            if (current != null) {
                routes.add(current.build());
            }
            current = new Builder(network, route.group(3), route.group(4).strip(), route.group(5), route.group(6) != null,
                    route.group(7) == null ? null : Integer.valueOf(route.group(7)));
        }
        if (current != null) {
            routes.add(current.build());
        }
        if (!answered) {
            throw new IllegalArgumentException("not birdc output: " + abbreviate(output.strip()));
        }
        return routes;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static final class Builder {
        private final String network;
        private final String protocol;
        private final String age;
        private final String from;
        private final boolean primary;
        private final Integer preference;
        private String via;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        Builder(String network, String protocol, String age, String from, boolean primary, Integer preference) {
            this.network = network;
            this.protocol = protocol;
            this.age = age;
            this.from = from;
            this.primary = primary;
            this.preference = preference;
        }

        void attribute(String line) {
            Matcher via = VIA.matcher(line);
            if (via.lookingAt()) {
                if (this.via == null) {
                    this.via = via.group(1);
                }
                return;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                attributes.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }

        Route build() {
            String nextHop = attribute("BGP.next_hop", "bgp_next_hop");
            return new Route(network, via != null ? via : from, protocol, age, primary, preference,
                    new Route.Bgp(
                            attribute("BGP.origin", "bgp_origin"),
                            words(attribute("BGP.as_path", "bgp_path")),
                            nextHop == null ? null : nextHop.split("\\s+")[0],
                            attribute("BGP.local_pref", "bgp_local_pref"),
                            attribute("BGP.med", "bgp_med"),
                            numbers(PAIR, attribute("BGP.community", "bgp_community")),
                            numbers(TRIPLE, attribute("BGP.large_community", "bgp_large_community")),
                            extended(attribute("BGP.ext_community", "bgp_ext_community"))),
                    false, null, List.of());
        }

        private String attribute(String bird2, String bird3) {
            String value = attributes.get(bird2);
            return value != null ? value : attributes.get(bird3);
        }

        private static List<String> words(String value) {
            if (value == null || value.isBlank()) {
                return List.of();
            }
            return List.of(value.strip().split("\\s+"));
        }

        private static List<List<Long>> numbers(Pattern pattern, String value) {
            if (value == null) {
                return List.of();
            }
            List<List<Long>> result = new ArrayList<>();
            Matcher m = pattern.matcher(value);
            while (m.find()) {
                List<Long> parts = new ArrayList<>(m.groupCount());
                for (int g = 1; g <= m.groupCount(); g++) {
                    parts.add(Long.parseLong(m.group(g)));
                }
                result.add(List.copyOf(parts));
            }
            return List.copyOf(result);
        }

        private static List<String> extended(String value) {
            if (value == null || value.isBlank()) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            Matcher m = Pattern.compile("\\(([^)]*)\\)").matcher(value);
            while (m.find()) {
                result.add(m.group(1).replaceAll("\\s+", ""));
            }
            return List.copyOf(result);
        }
    }
}
