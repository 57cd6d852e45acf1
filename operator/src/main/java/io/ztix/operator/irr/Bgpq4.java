package io.ztix.operator.irr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    /** bgpq4's stderr kept for the error lines (the rest is read and dropped, so bgpq4 never blocks on it). */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

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
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IrrLookupException("cannot run bgpq4 (" + executable + "): " + e.getMessage());
        }
        // Both streams are read while bgpq4 runs, into memory and capped: nothing reaches the disk (the operator's
        // /tmp is a small emptyDir), and an answer over the cap kills bgpq4 at once instead of after it finished.
        Capture out = new Capture(process.getInputStream(), maxOutputBytes, process::destroyForcibly, "bgpq4-stdout");
        Capture err = new Capture(process.getErrorStream(), MAX_ERROR_BYTES, () -> { }, "bgpq4-stderr");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IrrLookupException("bgpq4 gave no answer from " + server.hostAndPort() + " within "
                        + timeout.toSeconds() + " s");
            }
            byte[] answer = out.await();
            if (out.overflowed()) {
                throw new IrrLookupException("bgpq4's answer is larger than " + maxOutputBytes + " bytes");
            }
            String errors = errors(err.await());
            if (process.exitValue() != 0) {
                throw new IrrLookupException("bgpq4 failed (exit " + process.exitValue() + ") asking "
                        + server.hostAndPort() + (errors.isEmpty() ? "" : ": " + errors));
            }
            if (!errors.isEmpty()) {
                throw new IrrLookupException("the IRR server " + server.hostAndPort() + " reported: " + errors);
            }
            JsonNode list = JSON.readTree(answer).get(LIST_NAME);
            if (list == null || !list.isArray()) {
                throw new IrrLookupException("bgpq4's answer has no list '" + LIST_NAME + "'");
            }
            return list;
        } catch (IOException e) {
            throw new IrrLookupException("bgpq4's answer is not JSON: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IrrLookupException("interrupted while bgpq4 was running");
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** bgpq4's error lines that make the answer unusable, joined; its notes on dropped reserved ASNs are left out. */
    private static String errors(byte[] stderr) {
        List<String> errors = new ArrayList<>();
        for (String line : new String(stderr, StandardCharsets.UTF_8).split("\n")) {
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

    /** One of bgpq4's streams, read to its end on its own thread; at most {@code limit} bytes are kept. */
    private static final class Capture {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread reader;
        private volatile boolean overflowed;

        Capture(InputStream in, long limit, Runnable onOverflow, String name) {
            reader = new Thread(() -> read(in, limit, onOverflow), name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in, long limit, Runnable onOverflow) {
            byte[] buffer = new byte[64 * 1024];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int room = (int) Math.min(n, limit - kept.size());
                    kept.write(buffer, 0, room);
                    if (room < n && !overflowed) {
                        overflowed = true;
                        onOverflow.run();
                    }
                }
            } catch (IOException e) {
                // the pipe closed under us (bgpq4 killed): what was read is kept
            }
        }

        /** Everything kept, once the stream has ended (bgpq4 has exited, so it ends). */
        byte[] await() throws InterruptedException {
            reader.join();
            return kept.toByteArray();
        }

        boolean overflowed() {
            return overflowed;
        }
    }
}
