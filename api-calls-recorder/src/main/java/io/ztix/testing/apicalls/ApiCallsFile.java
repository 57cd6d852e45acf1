package io.ztix.testing.apicalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A recording: the distinct API calls of one component (or of the tests driving it), one
 * {@link ApiCall#toLine()} per line. The first recording of a JVM empties the directory, so a file never
 * holds calls of an earlier build.
 */
public final class ApiCallsFile {

    /** Directory of the recordings; surefire runs tests in the module directory, so this is the module's target/. */
    public static final String DIR_PROPERTY = "ztix.api-calls.dir";
    public static final String DEFAULT_DIR = "target/api-calls";
    public static final String TEST_SUFFIX = ".test-driver.txt";
    public static final String COMPONENT_SUFFIX = ".txt";
    private static final String CLEANED_MARKER = "ztix.api-calls.cleaned";

    private final Path file;
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    ApiCallsFile(Path file) {
        this.file = file;
    }

    static ApiCallsFile forComponent(Path dir, String component) {
        return new ApiCallsFile(dir.resolve(component + COMPONENT_SUFFIX));
    }

    static ApiCallsFile forTestsOf(Path dir, String component) {
        return new ApiCallsFile(dir.resolve(component + TEST_SUFFIX));
    }

    static Path directory() {
        return Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
    }

    /** Empties the directory once per JVM (system properties outlive the class loaders of Quarkus restarts). */
    static synchronized void startOncePerJvm(Path dir) {
        if (System.getProperty(CLEANED_MARKER) != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        System.setProperty(CLEANED_MARKER, dir.toAbsolutePath().toString());
    }

    /** Creates the file (empty) so that a component that made no call still leaves a recording. */
    void touch() {
        try {
            Files.createDirectories(file.getParent());
            if (Files.notExists(file)) {
                Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    void add(ApiCall call) {
        String line = call.toLine();
        if (!written.add(line)) {
            return;
        }
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an API call in " + file, e);
        }
    }

    /** The distinct calls of a recording; a missing file is an error, never an empty recording. */
    public static Set<ApiCall> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no API-call recording at " + file.toAbsolutePath()
                    + ": run the component's tests first (e.g. ./mvnw -B -pl operator verify)");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Set<ApiCall> calls = new LinkedHashSet<>();
            lines.stream().filter(l -> !l.isBlank()).map(ApiCall::parse).forEach(calls::add);
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
