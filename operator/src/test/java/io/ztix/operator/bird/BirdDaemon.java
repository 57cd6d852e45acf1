package io.ztix.operator.bird;

import static org.awaitility.Awaitility.await;

import io.ztix.operator.testsupport.BirdInstallation;
import io.ztix.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BIRD daemon for filter tests, started in the foreground inside its own empty network namespace
 * ({@code unshare --net}): it can bind nothing and reach nobody, its BGP sessions stay idle, and it
 * cannot collide with another BIRD on this machine. Routes come from {@code protocol static} blocks in
 * the test configuration; {@link #birdc(String...)} queries them. {@link #close()} stops exactly the
 * process this object started. Which BIRD runs is the test's {@link BirdInstallation}; its files live in a
 * directory whose path that BIRD sees too (inside the trixie root for BIRD 3.1 and 2.17).
 */
final class BirdDaemon implements AutoCloseable {

    private final BirdInstallation installation;
    private final Path directory;
    private final Path socket;
    private final Process process;

    private BirdDaemon(BirdInstallation installation, Path directory, Path socket, Process process) {
        this.installation = installation;
        this.directory = directory;
        this.socket = socket;
        this.process = process;
    }

    /**
     * Writes {@code include} as ztix.conf and a main configuration that logs to a file, includes it and
     * then holds {@code testProtocols}; checks it with {@code bird -p}, starts BIRD in a new empty network
     * namespace and waits until it answers on its control socket.
     */
    static BirdDaemon start(BirdInstallation installation, String include, String testProtocols) {
        Path unshare = RealTools.require("unshare", "/usr/bin/unshare");
        RealTools.requireRoot();
        Path directory = BirdParser.createTempDirectory(installation);
        Path includeFile = BirdParser.write(directory.resolve("ztix.conf"), include);
        return launch(installation, List.of(unshare.toString(), "--net"), directory,
                "log \"" + directory.resolve("bird.log") + "\" all;\n"
                        + "include \"" + includeFile + "\";\n\n"
                        + testProtocols);
    }

    /**
     * Starts BIRD inside the existing network namespace {@code netns} with {@code mainConfig}, in which
     * {@code @DIR@} stands for the daemon's own temporary directory.
     */
    static BirdDaemon startInNamespace(BirdInstallation installation, String netns, String mainConfig) {
        return startInNamespace(installation, netns, mainConfig, null);
    }

    /** Like {@link #startInNamespace(BirdInstallation, String, String)}, with {@code include} in {@code @DIR@/ztix.conf}. */
    static BirdDaemon startInNamespace(BirdInstallation installation, String netns, String mainConfig, String include) {
        Path ip = RealTools.require("ip", "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip");
        RealTools.requireRoot();
        Path directory = BirdParser.createTempDirectory(installation);
        if (include != null) {
            BirdParser.write(directory.resolve("ztix.conf"), include);
        }
        return launch(installation, List.of(ip.toString(), "netns", "exec", netns), directory,
                mainConfig.replace("@DIR@", directory.toString()));
    }

    private static BirdDaemon launch(BirdInstallation installation, List<String> prefix, Path directory, String mainConfig) {
        Path main = BirdParser.write(directory.resolve("bird.conf"), mainConfig);
        BirdParser.Result parsed = new BirdParser(installation).parse(main);
        if (!parsed.ok()) {
            BirdParser.deleteRecursively(directory);
            throw new IllegalStateException("test configuration does not parse: " + parsed.output());
        }
        Path socket = directory.resolve("bird.ctl");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(installation.bird("-f", "-c", main.toString(), "-s", socket.toString(),
                "-P", directory.resolve("bird.pid").toString()));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("bird.out").toFile())
                    .start();
        } catch (IOException e) {
            BirdParser.deleteRecursively(directory);
            throw new UncheckedIOException(e);
        }
        BirdDaemon daemon = new BirdDaemon(installation, directory, socket, process);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> daemon.isAlive() && daemon.birdc("show", "status").contains("Daemon is up and running"));
            String status = daemon.birdc("show", "status");
            if (!status.contains("BIRD " + installation.version() + "\n")) {
                throw new IllegalStateException("expected " + installation + " (" + installation.version() + "): " + status);
            }
        } catch (RuntimeException e) {
            String log = daemon.log();
            daemon.close();
            throw new IllegalStateException("BIRD did not come up: " + log, e);
        }
        return daemon;
    }

    BirdInstallation installation() {
        return installation;
    }

    /** The include file {@link #start} wrote ({@code ztix.conf}); rewrite it and run {@code birdc configure}. */
    Path includeFile() {
        return directory.resolve("ztix.conf");
    }

    /** How this BIRD's {@code show route all} names the BGP attribute {@code filterName}, e.g. bgp_local_pref. */
    String shown(String filterName) {
        return installation.shownAttribute(filterName);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs {@code birdc -s <socket> <command...>} and returns its output. */
    String birdc(String... command) {
        List<String> arguments = new ArrayList<>(List.of("-s", socket.toString()));
        arguments.addAll(List.of(command));
        arguments = installation.birdc(arguments.toArray(String[]::new));
        try {
            Process client = new ProcessBuilder(arguments).redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(10, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("birdc did not answer within 10 s");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** BIRD's own log file and console output, for failure messages. */
    String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("bird.log", "bird.out")) {
            Path file = directory.resolve(name);
            try {
                if (Files.exists(file)) {
                    text.append(Files.readString(file));
                }
            } catch (IOException e) {
                text.append("(cannot read ").append(name).append(": ").append(e.getMessage()).append(')');
            }
        }
        return text.toString();
    }

    /** Stops the BIRD process this object started (SIGTERM, then SIGKILL) and removes its files. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            BirdParser.deleteRecursively(directory);
        }
    }
}
