package io.ztix.operator.testsupport.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code birdc show protocols}: e.g. name {@code a_v4}, proto {@code BGP}, state
 * {@code up}, info {@code Established}.
 */
public record BirdProtocol(String name, String proto, String table, String state, String since, String info) {

    /** BGP session established, or RPKI cache connection established. */
    public boolean isEstablished() {
        return "up".equals(state) && info.startsWith("Established");
    }

    /** Parses the output of {@code birdc show protocols} (banner and header lines are skipped). */
    public static List<BirdProtocol> parseAll(String showProtocols) {
        List<BirdProtocol> protocols = new ArrayList<>();
        for (String line : showProtocols.split("\n")) {
            String[] fields = line.strip().split("\\s+", 6);
            if (fields.length < 5 || line.startsWith("BIRD ") || fields[0].equals("Name")) {
                continue;
            }
            protocols.add(new BirdProtocol(fields[0], fields[1], fields[2], fields[3], fields[4],
                    fields.length == 6 ? fields[5] : ""));
        }
        return protocols;
    }
}
