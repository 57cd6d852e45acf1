package io.ztix.operator.testsupport.lab;

import io.ztix.operator.testsupport.BirdInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A StayRTR RTR server in a lab namespace, serving the VRPs of a local JSON file ({@code -cache
 * <file>}: a path instead of a URL, so nothing is fetched remotely). It re-reads the file every
 * {@value #REFRESH_SECONDS} s and notifies connected routers (Serial Notify) when it changed, so a
 * change made with {@link #updateVrps(List)} reaches BIRD within a few seconds.
 */
public final class Stayrtr {

    public static final int REFRESH_SECONDS = 1;

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Netns netns;
    private final String namespace;
    private final Path dir;
    private final BirdInstallation installation;
    private final int port;
    private final int metricsPort;
    private long pid = -1;

    /**
     * A StayRTR in {@code namespace} listening on 127.0.0.1 at a random port, its files in {@code dir}: the host's
     * StayRTR, or trixie's (0.6) next to a trixie BIRD ({@code dir} must then be in the trixie root).
     */
    public Stayrtr(Netns netns, String namespace, Path dir, BirdInstallation installation) {
        this.netns = netns;
        this.namespace = namespace;
        this.dir = dir;
        this.installation = installation;
        SecureRandom random = new SecureRandom();
        this.port = 20000 + random.nextInt(20000);
        this.metricsPort = port + 20000;
    }

    /** Writes the VRP file, starts StayRTR and waits until it listens. */
    public void start(List<Vrp> vrps) {
        updateVrps(vrps);
        launch();
    }

    private void launch() {
        pid = netns.start(namespace, logFile(), installation.stayrtr(
                "-cache", vrpFile().toString(),
                "-checktime=false",
                "-refresh", String.valueOf(REFRESH_SECONDS),
                "-bind", host() + ":" + port,
                "-metrics.addr", host() + ":" + metricsPort,
                "-protocol", "1").toArray(String[]::new));
        Wait.until("StayRTR in " + namespace + " listens on " + host() + ":" + port, STARTUP_TIMEOUT, () -> {
            if (!netns.isRunning(pid)) {
                throw new IllegalStateException("StayRTR exited:\n" + log());
            }
            return !netns.exec(namespace, "ss", "-Hltn", "sport = :" + port).orThrow().output().isBlank();
        });
    }

    /** Stops StayRTR (by pid): BIRD loses its RTR session; {@link #restart()} brings it back on the same port. */
    public void stop() {
        if (pid > 0) {
            netns.stop(pid);
            pid = -1;
        }
    }

    /** Starts StayRTR again with the VRPs it served before, on the same port. */
    public void restart() {
        if (pid > 0) {
            throw new IllegalStateException("StayRTR is running");
        }
        launch();
    }

    /** Replaces the served VRPs (atomically); StayRTR serves them after its next refresh. */
    public void updateVrps(List<Vrp> vrps) {
        String roas = vrps.stream().map(Vrp::toJson).collect(Collectors.joining(",\n    "));
        long now = Instant.now().getEpochSecond();
        String json = "{\n  \"metadata\": {\"generated\": " + now + ", \"valid\": " + (now + 86400) + "},\n"
                + "  \"roas\": [\n    " + roas + "\n  ]\n}\n";
        try {
            Path temp = Files.createTempFile(dir, "vrps", ".json.tmp");
            Files.writeString(temp, json);
            Files.move(temp, vrpFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + vrpFile(), e);
        }
    }

    /** The address to put in BIRD's {@code protocol rpki} ({@code remote <host> port <port>}). */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path vrpFile() {
        return dir.resolve("vrps.json");
    }

    public Path logFile() {
        return dir.resolve("stayrtr.log");
    }

    private String log() {
        try {
            return Files.readString(logFile());
        } catch (IOException e) {
            return "(cannot read " + logFile() + ")";
        }
    }
}
