package io.ztix.operator.routeserver.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the route-counter section of {@link io.ztix.operator.routeserver.apply.BirdCommands#observe(boolean)}:
 * {@code show protocols all "m_as*"} reduced to each protocol's row and its channel's line, e.g.
 * {@code Routes:         2 imported, 1 filtered, 2 exported, 2 preferred} (BIRD 2 and 3 print it alike;
 * "filtered" only with {@code import keep filtered}, which every member session has). A session whose channel is
 * down has no such line: it has no counters then.
 */
public final class SessionRoutes {

    private static final Pattern HEADER = Pattern.compile("\\s*Name\\s+Proto\\s+Table\\s+State\\s+Since\\s+Info\\s*");
    private static final Pattern ROUTES = Pattern.compile(
            "\\s+Routes:\\s+(\\d+) imported,(?: (\\d+) filtered,)? (\\d+) exported(?:, \\d+ preferred)?\\s*");

    private SessionRoutes() {
    }

    /**
     * @return the counters by protocol name; empty when the section is not birdc's answer (e.g. birdc failed):
     *         then the counters were not read, which is not the same as no session having routes
     */
    public static Optional<Map<String, RouteCounts>> parse(String section) {
        Map<String, RouteCounts> counts = new LinkedHashMap<>();
        if (section.contains("No protocols match")) {
            return Optional.of(counts);
        }
        String protocol = null;
        boolean header = false;
        for (String line : section.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!header) {
                header = HEADER.matcher(line).matches();
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                protocol = line.strip().split("\\s+", 2)[0];
                continue;
            }
            Matcher routes = ROUTES.matcher(line);
            if (protocol != null && routes.matches()) {
                counts.put(protocol, new RouteCounts(Integer.parseInt(routes.group(1)),
                        routes.group(2) == null ? 0 : Integer.parseInt(routes.group(2)), Integer.parseInt(routes.group(3))));
                protocol = null; // one channel per member session
            }
        }
        return header ? Optional.of(counts) : Optional.empty();
    }
}
