package io.ztix.operator.bird;

import io.ztix.operator.testsupport.BirdInstallation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code bird -p} of one {@link BirdInstallation} on a rendered include file wrapped in the example
 * host configuration.
 */
final class BirdParser {

    /** Exit code and combined output of one {@code bird -p} run. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static final String EXAMPLE_INCLUDE_PATH = "/etc/bird/ztix.conf";

    private final BirdInstallation installation;

    /** Parses with the host's BIRD 2.0. */
    BirdParser() {
        this(BirdInstallation.HOST_2_0);
    }

    BirdParser(BirdInstallation installation) {
        installation.require();
        this.installation = installation;
    }

    /** Writes {@code include} as ztix.conf next to the example main config and parses the pair. */
    Result parseWithExampleMain(String include) {
        Path dir = createTempDirectory(installation);
        try {
            Path includeFile = write(dir.resolve("ztix.conf"), include);
            String main = exampleMainConfig().replace("\"" + EXAMPLE_INCLUDE_PATH + "\"", "\"" + includeFile + "\"");
            return parse(write(dir.resolve("bird.conf"), main));
        } finally {
            deleteRecursively(dir);
        }
    }

    /** {@code bird -p -c file}: parse only, start nothing. */
    Result parse(Path mainConfig) {
        try {
            Process process = new ProcessBuilder(installation.bird("-p", "-c", mainConfig.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bird -p did not finish within 30 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The host main configuration shipped as documentation in bird/bird.conf.example. */
    static String exampleMainConfig() {
        try (InputStream in = BirdParser.class.getClassLoader().getResourceAsStream("bird/bird.conf.example")) {
            if (in == null) {
                throw new IllegalStateException("bird/bird.conf.example is missing");
            }
            String main = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!main.contains("\"" + EXAMPLE_INCLUDE_PATH + "\"")) {
                throw new IllegalStateException("bird/bird.conf.example does not include " + EXAMPLE_INCLUDE_PATH);
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory whose path {@code installation}'s BIRD sees too. */
    static Path createTempDirectory(BirdInstallation installation) {
        return installation.tempDirectory("ztix-bird-render-");
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
