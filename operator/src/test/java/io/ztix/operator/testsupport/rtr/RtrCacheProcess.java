package io.ztix.operator.testsupport.rtr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link RtrCacheMain} process started behind a command prefix (e.g. {@code ip netns exec <ns>}), serving the
 * data of {@link #update(RtrData)}; its log is {@code rtr-cache.log} in its directory. {@link #close()} stops exactly
 * this process.
 */
public final class RtrCacheProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final Process process;

    private RtrCacheProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts the cache on {@code address}:{@code port} with {@code data}; waits until it listens. */
    public static RtrCacheProcess start(List<String> prefix, String address, int port, Path dir, RtrData data) {
        Path file = dir.resolve("rtr-data.txt");
        write(file, data);
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx48m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), RtrCacheMain.class.getName(),
                address, String.valueOf(port), file.toString()));
        Path log = dir.resolve("rtr-cache.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RtrCacheProcess cache = new RtrCacheProcess(dir, port, process);
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (!Files.readString(log).contains("RTR cache listening")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    cache.close();
                    throw new IllegalStateException("the RTR cache did not start: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the RTR cache", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Replaces the served data; the cache notices within a second and sends Serial Notify. */
    public void update(RtrData data) {
        write(dir.resolve("rtr-data.txt"), data);
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("rtr-cache.log"));
        } catch (IOException e) {
            return "(cannot read the RTR cache log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void write(Path file, RtrData data) {
        try {
            Path temp = Files.createTempFile(file.getParent(), "rtr-data", ".tmp");
            Files.writeString(temp, data.toFileText());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
