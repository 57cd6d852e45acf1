package io.ztix.operator.routeserver.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code birdc show protocols all "ztix_rpki*"} (BIRD 2 and 3): one row per protocol (as in {@code show
 * protocols}) followed by indented details (Status, Cache server/port, Last update, per channel Routes: roa4, roa6
 * and, with ASPA, an aspa channel whose records are not counted as ROAs).
 */
public final class RpkiProtocols {

    private static final Pattern HEADER = Pattern.compile("\\s*Name\\s+Proto\\s+Table\\s+State\\s+Since\\s+Info\\s*");
    private static final Pattern ROW = Pattern.compile(
            "(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?|\\S+)\\s*(.*)");
    private static final Pattern DETAIL = Pattern.compile("\\s+([A-Za-z][A-Za-z -]*?)\\s*:\\s*(.*)");
    private static final Pattern CHANNEL = Pattern.compile("\\s+Channel (\\S+)\\s*");
    private static final Pattern IMPORTED = Pattern.compile("(\\d+) imported");
    private static final Pattern BEFORE = Pattern.compile("before (\\d+(?:\\.\\d+)?) s");

    private RpkiProtocols() {
    }

    /**
     * The RPKI protocols by name; empty when BIRD says no protocol matches (before the first apply).
     *
     * @throws IllegalArgumentException when the output is not this command's (e.g. birdc could not reach BIRD)
     */
    public static Map<String, RpkiState> parse(String output) {
        Map<String, RpkiState> states = new LinkedHashMap<>();
        if (output.contains("No protocols match")) {
            return states;
        }
        String[] lines = output.split("\\R");
        int header = 0;
        while (header < lines.length && !HEADER.matcher(lines[header]).matches()) {
            header++;
        }
        if (header == lines.length) {
            throw new IllegalArgumentException("not birdc 'show protocols all' output: " + output.strip());
        }
        Builder current = null;
        String channel = null;
        for (int i = header + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (current != null) {
                    states.put(current.name, current.build());
                }
                Matcher row = ROW.matcher(line.strip());
                if (!row.matches()) {
                    throw new IllegalArgumentException("cannot read 'show protocols all' row: " + line);
                }
                current = "RPKI".equals(row.group(2)) ? new Builder(row.group(1), row.group(4), row.group(5), row.group(6).strip()) : null;
                channel = null;
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher channelLine = CHANNEL.matcher(line);
            if (channelLine.matches()) {
                channel = channelLine.group(1);
                current.channel(channel);
                continue;
            }
            Matcher detail = DETAIL.matcher(line);
            if (detail.matches()) {
                current.detail(channel, detail.group(1).strip(), detail.group(2).strip());
            }
        }
        if (current != null) {
            states.put(current.name, current.build());
        }
        return states;
    }

    private static final class Builder {
        final String name;
        final String state;
        final String since;
        String status;
        String server;
        Integer port;
        Double lastUpdate;
        Long roas4;
        Long roas6;

        Builder(String name, String state, String since, String info) {
            this.name = name;
            this.state = state;
            this.since = since;
            this.status = info.isEmpty() ? null : info.split("\\s+")[0];
        }

        /** A channel without a Routes line holds no ROAs; an {@code aspa} channel holds ASPA records, not ROAs. */
        void channel(String channel) {
            if (channel.equals("roa4")) {
                roas4 = 0L;
            } else if (channel.equals("roa6")) {
                roas6 = 0L;
            }
        }

        void detail(String channel, String key, String value) {
            if (channel == null) {
                switch (key) {
                    case "Status" -> status = value;
                    case "Cache server" -> server = value;
                    case "Cache port" -> port = value.matches("\\d{1,5}") ? Integer.valueOf(value) : null;
                    case "Last update" -> {
                        Matcher before = BEFORE.matcher(value);
                        lastUpdate = before.find() ? Double.valueOf(before.group(1)) : null;
                    }
                    default -> {
                    }
                }
            } else if (key.equals("Routes")) {
                Matcher imported = IMPORTED.matcher(value);
                if (imported.find()) {
                    long count = Long.parseLong(imported.group(1));
                    if (channel.equals("roa4")) {
                        roas4 = count;
                    } else if (channel.equals("roa6")) {
                        roas6 = count;
                    }
                }
            }
        }

        RpkiState build() {
            return new RpkiState(name, state, since, status == null ? "Unknown" : status, server, port, lastUpdate,
                    roas4, roas6);
        }
    }
}
