package io.ztix.operator.routeserver.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the output of BIRD 2's {@code birdc show protocols}. */
public final class BirdProtocols {

    private static final Pattern HEADER = Pattern.compile("\\s*Name\\s+Proto\\s+Table\\s+State\\s+Since\\s+Info\\s*");
    /** Columns are whitespace-separated; "since" may be a date and a time ("timeformat protocol iso long"). */
    private static final Pattern ROW = Pattern.compile(
            "(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?|\\S+)\\s*(.*)");

    private BirdProtocols() {
    }

    /**
     * Returns one state per protocol row, in BIRD's order.
     *
     * @throws IllegalArgumentException if the output has no protocol table header (e.g. birdc could not reach
     *         the daemon) or a row cannot be read
     */
    public static List<ProtocolState> parse(String output) {
        String[] lines = output.split("\\R");
        int header = 0;
        while (header < lines.length && !HEADER.matcher(lines[header]).matches()) {
            header++;
        }
        if (header == lines.length) {
            throw new IllegalArgumentException("not birdc 'show protocols' output (no 'Name Proto Table State Since "
                    + "Info' header): " + BirdReplies.message(output));
        }
        List<ProtocolState> states = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                throw new IllegalArgumentException("cannot read 'show protocols' row: " + line);
            }
            states.add(new ProtocolState(row.group(1), row.group(2), row.group(3), row.group(4), row.group(5),
                    row.group(6).strip()));
        }
        return states;
    }
}
