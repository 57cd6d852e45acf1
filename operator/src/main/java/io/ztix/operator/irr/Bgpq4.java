package io.ztix.operator.irr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real bgpq4 (1.9, Debian's) with an argument list, never through a shell, and reads its JSON output
 * ({@code -j}). bgpq4 has no timeout of its own (it waits for the server forever), so each run is killed after
 * {@code timeout}; its output is capped at {@code maxOutputBytes}. Anything bgpq4 reports as an error (a refused
 * connection, an {@code F} answer, a cut connection) fails the lookup rather than giving a partial list; bgpq4's
 * notes on reserved ASNs inside a set (which it drops, as the route server does) are not errors.
 */
public final class Bgpq4 {

    /** The route server's longest accepted lengths (filters.txt): route objects beyond them are useless. */
    public static final int MAX_LENGTH_V4 = 24;
    public static final int MAX_LENGTH_V6 = 48;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST_NAME = "ztix";

    private final Path executable;
    private final Duration timeout;
    private final long maxOutputBytes;

    public Bgpq4(Path executable, Duration timeout, long maxOutputBytes) {
        this.executable = executable;
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** The origin ASNs of {@code objects} ({@code -t}). */
    public List<Long> originAsns(IrrServer server, List<String> objects) throws IrrLookupException {
        JsonNode list = run(server, List.of("-t"), objects);
        List<Long> asns = new ArrayList<>(list.size());
        for (JsonNode asn : list) {
            if (!asn.canConvertToLong() || asn.asLong() < 1 || asn.asLong() > 4294967294L) {
                throw new IrrLookupException("bgpq4 returned '" + asn + "' as an ASN");
            }
            asns.add(asn.asLong());
        }
        return asns;
    }

    /**
     * The prefixes of {@code objects} for one family, aggregated ({@code -A}), each allowing more specifics up to
     * the route server's limit ({@code -R}), route objects longer than the limit left out ({@code -m}).
     */
    public List<IrrPrefix> prefixes(IrrServer server, List<String> objects, boolean ipv6) throws IrrLookupException {
        String limit = String.valueOf(ipv6 ? MAX_LENGTH_V6 : MAX_LENGTH_V4);
        JsonNode list = run(server, List.of(ipv6 ? "-6" : "-4", "-A", "-R", limit, "-m", limit), objects);
        List<IrrPrefix> prefixes = new ArrayList<>(list.size());
        for (JsonNode entry : list) {
            try {
                JsonNode ge = entry.get("greater-equal");
                JsonNode le = entry.get("less-equal");
                prefixes.add(IrrPrefix.parse(entry.path("prefix").asText(null), ipv6, entry.path("exact").asBoolean(false),
                        ge == null ? null : ge.asInt(), le == null ? null : le.asInt()));
            } catch (IllegalArgumentException e) {
                throw new IrrLookupException("bgpq4 returned an unusable prefix list entry " + entry + ": " + e.getMessage());
            }
        }
        return prefixes;
    }

    private JsonNode run(IrrServer server, List<String> options, List<String> objects) throws IrrLookupException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-h");
        command.add(server.hostAndPort());
        if (!server.sources().isEmpty()) {
            command.add("-S");
            command.add(String.join(",", server.sources()));
        }
        command.add("-j");
        command.add("-l");
        command.add(LIST_NAME);
        command.addAll(options);
        command.add("--");
        command.addAll(objects);
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            out = Files.createTempFile("ztix-bgpq4-", ".json");
            err = Files.createTempFile("ztix-bgpq4-", ".err");
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IrrLookupException("bgpq4 gave no answer from " + server.hostAndPort() + " within "
                        + timeout.toSeconds() + " s");
            }
            String errors = errors(err);
            if (process.exitValue() != 0) {
                throw new IrrLookupException("bgpq4 failed (exit " + process.exitValue() + ") asking "
                        + server.hostAndPort() + (errors.isEmpty() ? "" : ": " + errors));
            }
            if (!errors.isEmpty()) {
                throw new IrrLookupException("the IRR server " + server.hostAndPort() + " reported: " + errors);
            }
            if (Files.size(out) > maxOutputBytes) {
                throw new IrrLookupException("bgpq4's answer is larger than " + maxOutputBytes + " bytes");
            }
            JsonNode list = JSON.readTree(out.toFile()).get(LIST_NAME);
            if (list == null || !list.isArray()) {
                throw new IrrLookupException("bgpq4's answer has no list '" + LIST_NAME + "'");
            }
            return list;
        } catch (IOException e) {
            throw new IrrLookupException("cannot run bgpq4 (" + executable + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IrrLookupException("interrupted while bgpq4 was running");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            delete(out);
            delete(err);
        }
    }

    /** bgpq4's error lines that make the answer unusable, joined; its notes on dropped reserved ASNs are left out. */
    private String errors(Path err) throws IOException {
        long size = Files.size(err);
        byte[] bytes;
        try (var in = Files.newInputStream(err)) {
            bytes = in.readNBytes((int) Math.min(size, 64 * 1024));
        }
        List<String> errors = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("ERROR:Invalid AS number")) {
                continue;
            }
            if (errors.size() < 3) {
                errors.add(text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
        }
        return String.join("; ", errors);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left in /tmp
            }
        }
    }
}
