package io.ztix.operator.testsupport;

import io.ztix.testing.RealTools;
import io.ztix.operator.routeserver.apply.BirdTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real BIRD daemon ({@code bird -f} of a {@link BirdInstallation}) in a temporary directory: {@code bird.conf}
 * sets router id 198.51.100.1, a device protocol and {@code include "<dir>/ztix.conf";}, the include file ZT-IX
 * owns. It runs in a new, empty network namespace ({@code unshare --net}) and has no kernel protocol, so it can
 * neither reach nor change anything of the host's network; its control socket is a file, reachable from the host
 * (and from a test's sshd). {@link #stop()} kills it by pid.
 */
public final class BirdDaemon implements AutoCloseable {

    public static final String MAIN_CONFIG = "bird.conf";
    public static final String INCLUDE_FILE = "ztix.conf";

    private final BirdInstallation installation;
    private final Path dir;
    private Process process;

    private BirdDaemon(BirdInstallation installation, Path dir) {
        this.installation = installation;
        this.dir = dir;
    }

    /** Starts BIRD with the given initial include file content; waits until its control socket answers. */
    public static BirdDaemon start(BirdInstallation installation, String initialInclude) {
        RealTools.requireRoot();
        Path unshare = RealTools.require("unshare", "/usr/bin/unshare");
        Path dir = installation.tempDirectory("ztix-bird-");
        BirdDaemon daemon = new BirdDaemon(installation, dir);
        try {
            daemon.launch(unshare, initialInclude);
            return daemon;
        } catch (RuntimeException | IOException e) {
            daemon.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot start bird", e);
        }
    }

    /** The host's BIRD 2.0 with the given initial include file (for tests that are not about BIRD versions). */
    public static BirdDaemon start(String initialInclude) {
        return start(BirdInstallation.HOST_2_0, initialInclude);
    }

    /** The host's BIRD 2.0 with a comment-only include file. */
    public static BirdDaemon start() {
        return start(BirdInstallation.HOST_2_0);
    }

    /** Starts BIRD with a comment-only include file. */
    public static BirdDaemon start(BirdInstallation installation) {
        return start(installation, "# managed by ZT-IX\n");
    }

    private void launch(Path unshare, String initialInclude) throws IOException {
        Files.writeString(includeFile(), initialInclude);
        Files.writeString(mainConfig(), "router id 198.51.100.1;\n"
                + "protocol device {}\n"
                + "include \"" + includeFile() + "\";\n");
        List<String> command = new ArrayList<>(List.of(unshare.toString(), "--net"));
        command.addAll(installation.bird("-f", "-c", mainConfig().toString(),
                "-s", socket().toString(), "-P", dir.resolve("bird.pid").toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("bird.log").toFile())
                .start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("bird did not start: " + Files.readString(dir.resolve("bird.log")));
            }
            Processes.sleep(50);
        }
    }

    private boolean answers() {
        return Files.exists(socket()) && birdcExitCode("show", "status") == 0;
    }

    public Path directory() {
        return dir;
    }

    public Path mainConfig() {
        return dir.resolve(MAIN_CONFIG);
    }

    public Path includeFile() {
        return dir.resolve(INCLUDE_FILE);
    }

    public Path socket() {
        return dir.resolve("bird.ctl");
    }

    public BirdInstallation installation() {
        return installation;
    }

    /** One executable that runs this daemon's bird (for BirdTarget / spec.bird.birdCommand). */
    public Path birdBinary() {
        return installation.birdExecutable();
    }

    /** One executable that runs this daemon's birdc. */
    public Path birdcBinary() {
        return installation.birdcExecutable();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A BirdTarget for this daemon, no sudo, using the given birdc command (e.g. a logging wrapper). */
    public BirdTarget target(String birdcCommand, Duration configureTimeout) {
        return new BirdTarget(dir.toString(), MAIN_CONFIG, INCLUDE_FILE, birdBinary().toString(), birdcCommand,
                socket().toString(), false, configureTimeout);
    }

    /** A BirdTarget using the real bird and birdc and a 30 s configure timeout. */
    public BirdTarget target() {
        return target(birdcBinary().toString(), Duration.ofSeconds(30));
    }

    /** Runs birdc locally against this daemon and returns its output; fails if birdc fails. */
    public String birdc(String... command) {
        List<String> args = new ArrayList<>(List.of("-s", socket().toString()));
        args.addAll(List.of(command));
        args = installation.birdc(args.toArray(String[]::new));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("birdc " + String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run birdc", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int birdcExitCode(String... command) {
        try {
            birdc(command);
            return 0;
        } catch (IllegalStateException e) {
            return 1;
        }
    }

    /** Kills this bird by pid. */
    public void stop() {
        Processes.stop(process);
    }

    /** Stops bird and deletes its temporary directory. */
    @Override
    public void close() {
        stop();
        TempDirs.delete(dir);
    }
}
