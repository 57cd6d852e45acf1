package io.ztix.operator.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A birdc wrapper script for a {@link BirdDaemon}: it logs every invocation's arguments, then runs the real
 * birdc. On {@code configure} (not {@code configure check}) it hangs instead while the live include file
 * contains {@link #HANG_ON_CONFIGURE}, to simulate a BIRD that does not answer, and gives BIRD's shutdown reply
 * while it contains {@link #SHUTTING_DOWN}.
 */
public final class RecordingBirdc {

    public static final String HANG_ON_CONFIGURE = "# test: hang on configure";
    /** While the live include contains this, {@code configure} answers as a BIRD that is shutting down. */
    public static final String SHUTTING_DOWN = "# test: answer shutting down";

    private final Path script;
    private final Path log;
    private final String socket;

    private RecordingBirdc(Path script, Path log, String socket) {
        this.script = script;
        this.log = log;
        this.socket = socket;
    }

    public static RecordingBirdc install(BirdDaemon bird) {
        Path script = bird.directory().resolve("birdc-recording");
        Path log = bird.directory().resolve("birdc-calls.log");
        try {
            Files.writeString(log, "");
            Files.writeString(script, String.join("\n",
                    "#!/bin/sh",
                    "echo \"$*\" >> '" + log + "'",
                    "case \"$*\" in",
                    "  *'configure check'*) ;;",
                    "  *configure*) if grep -qF '" + HANG_ON_CONFIGURE + "' '" + bird.includeFile() + "'; then",
                    "      exec sleep 60",
                    "    fi",
                    "    if grep -qF '" + SHUTTING_DOWN + "' '" + bird.includeFile() + "'; then",
                    "      echo 'BIRD " + bird.installation().version() + " ready.'; echo 'Reconfiguration ignored, shutting down'; exit 0",
                    "    fi",
                    "    mkdir -p '" + bird.directory().resolve("configured") + "'",
                    "    cp '" + bird.includeFile() + "' '" + bird.directory().resolve("configured") + "/'$(date +%s%N).conf ;;",
                    "esac",
                    "exec '" + bird.birdcBinary() + "' \"$@\"",
                    ""));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write birdc wrapper", e);
        }
        return new RecordingBirdc(script, log, bird.socket().toString());
    }

    /** The wrapper's path, to use as birdcCommand. */
    public String command() {
        return script.toString();
    }

    /** Every invocation's arguments, in order. */
    public List<String> calls() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    /** Every include file BIRD was told to load ({@code birdc configure}), oldest first. */
    public List<String> configuredFiles() {
        Path dir = log.getParent().resolve("configured");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.sorted(java.util.Comparator.comparing(Path::getFileName)).map(path -> {
                try {
                    return Files.readString(path);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    /** How often {@code birdc configure} (reload, not check) was invoked. */
    public long configureCalls() {
        return calls().stream().filter(("-s " + socket + " configure")::equals).count();
    }

    /** How often {@code birdc configure check ...} was invoked. */
    public long configureCheckCalls() {
        return calls().stream().filter(call -> call.startsWith("-s " + socket + " configure check")).count();
    }
}
