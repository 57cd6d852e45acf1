package io.ztix.operator.testsupport.lab;

import io.ztix.operator.testsupport.BirdInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A BIRD daemon (of a {@link BirdInstallation}) running in the foreground inside a lab namespace, with its
 * config, control socket, pid file and log in its own directory, controlled with {@code birdc -s <socket>} from
 * the host namespace (a unix socket is a filesystem object, so no {@code ip netns exec} is needed). The directory
 * must be one the installation's BIRD sees under the same path.
 */
final class BirdDaemon {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Netns netns;
    private final String namespace;
    private final Path dir;
    private final BirdInstallation installation;
    private long pid = -1;

    BirdDaemon(Netns netns, String namespace, Path dir, BirdInstallation installation) {
        installation.require();
        this.netns = netns;
        this.namespace = namespace;
        this.dir = dir;
        this.installation = installation;
    }

    BirdInstallation installation() {
        return installation;
    }

    Path dir() {
        return dir;
    }

    Path configFile() {
        return dir.resolve("bird.conf");
    }

    Path socket() {
        return dir.resolve("bird.ctl");
    }

    Path logFile() {
        return dir.resolve("bird.log");
    }

    String namespace() {
        return namespace;
    }

    void writeConfig(String config) {
        write(configFile(), config);
    }

    /** Checks the config with {@code bird -p}, starts BIRD and waits until its socket answers. */
    void start() {
        checkConfig();
        pid = netns.start(namespace, dir.resolve("bird.out"), installation.bird("-f",
                "-c", configFile().toString(), "-s", socket().toString(), "-P", dir.resolve("bird.pid").toString())
                .toArray(String[]::new));
        Wait.until("BIRD in " + namespace + " answers on " + socket(), STARTUP_TIMEOUT, () -> {
            if (!netns.isRunning(pid)) {
                throw new IllegalStateException("BIRD in " + namespace + " exited:\n" + read(dir.resolve("bird.out")));
            }
            return Files.exists(socket()) && birdc("show", "status").succeeded();
        });
    }

    void stop() {
        if (pid > 0) {
            netns.stop(pid);
            pid = -1;
        }
    }

    void checkConfig() {
        Commands.run(installation.bird("-p", "-c", configFile().toString())).orThrow();
    }

    /** Runs {@code birdc -s <socket> args...}. */
    ExecResult birdc(String... args) {
        List<String> command = new ArrayList<>(List.of("-s", socket().toString()));
        command.addAll(List.of(args));
        return Commands.run(installation.birdc(command.toArray(String[]::new)));
    }

    /**
     * Re-reads the config file; throws with BIRD's message when it is rejected (birdc then exits 1
     * and BIRD keeps running the previous configuration).
     */
    void configure() {
        ExecResult result = birdc("configure");
        String output = result.output();
        if (!result.succeeded() || !output.contains("Reconfigured") && !output.contains("Reconfiguration in progress")) {
            throw new IllegalStateException("BIRD in " + namespace + " rejected its configuration:\n" + output);
        }
    }

    String showProtocols() {
        return birdc("show", "protocols").orThrow().output();
    }

    List<BirdProtocol> protocols() {
        return BirdProtocol.parseAll(showProtocols());
    }

    Optional<BirdProtocol> protocol(String name) {
        return protocols().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<BirdRoute> routes(String table) {
        return BirdRoute.parseAll(birdc("show", "route", "all", "table", table).orThrow().output());
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
