package io.ztix.operator.testsupport;

import io.ztix.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian 13 (trixie) root file system with the route-server software IXes run today: {@code bird3} (3.1) and
 * {@code stayrtr} installed by {@code debootstrap --variant=minbase --include=bird3,stayrtr trixie}, and trixie's
 * {@code bird2} (2.17) unpacked into {@code /opt/bird2} (bird2 and bird3 conflict as packages, but their binaries
 * need the same libraries). Built once, with Debian's own clients, under the checkout's {@code target/} and reused
 * by every test of the run and by later builds until {@code mvn clean}; {@code ZTIX_TRIXIE_ROOT} names another
 * directory (e.g. one shared by several checkouts). A file lock keeps two test JVMs from building it at once.
 *
 * <p>Paths: the root holds a symlink at its own absolute path pointing back to its top, so a file under the root
 * has the same absolute path on the host and inside {@code chroot}. Tests keep their BIRD files in
 * {@link #tempDirectory(String)} and hand the same path to host tools (sshd, tee) and to the chrooted BIRD.
 *
 * <p>Without root, {@code debootstrap} or access to Debian's archive the tests that need it are skipped, saying
 * why; with {@code ZTIX_REQUIRE_REAL_TOOLS=true} (CI) they fail instead.
 */
public final class TrixieRoot {

    public static final String ROOT_ENV = "ZTIX_TRIXIE_ROOT";
    /** Where trixie's bird2 package is unpacked inside the root. */
    public static final String BIRD2_PREFIX = "/opt/bird2";

    private static final String READY_MARKER = ".ztix-root-ready";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private static Path ready;
    private static String failure;

    private TrixieRoot() {
    }

    /** The ready root directory; builds it on first use. Skips (or fails in CI) when it cannot be built here. */
    public static synchronized Path get() {
        if (ready != null) {
            return ready;
        }
        if (failure == null) {
            RealTools.requireRoot();
            RealTools.require("debootstrap", "/usr/sbin/debootstrap");
            RealTools.require("chroot", "/usr/sbin/chroot");
            try {
                ready = lockedBuild(location());
                return ready;
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        RealTools.unavailable("the Debian trixie root for BIRD 3.1 / 2.17 cannot be built: " + failure);
        throw new IllegalStateException(failure);
    }

    /** A new directory under the root's /tmp: the same path is valid on the host and inside chroot. */
    public static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(get().resolve("tmp"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in the trixie root", e);
        }
    }

    /** {@code target/debian-trixie} of the checkout (the directory with mvnw), or {@value #ROOT_ENV}. */
    static Path location() {
        String configured = System.getenv(ROOT_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.exists(candidate.resolve("pom.xml"))) {
                return candidate.resolve("target").resolve("debian-trixie");
            }
        }
        return dir.resolve("target").resolve("debian-trixie");
    }

    private static Path lockedBuild(Path root) {
        try {
            Files.createDirectories(root.getParent());
            Path lockFile = root.resolveSibling(root.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (!Files.exists(root.resolve(READY_MARKER))) {
                    build(root);
                }
                linkOwnPath(root);
                return root;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the trixie root at " + root + ": " + e.getMessage(), e);
        }
    }

    private static void build(Path root) throws IOException {
        Path partial = root.resolveSibling(root.getFileName() + ".partial");
        Path log = root.resolveSibling(root.getFileName() + ".log");
        if (Files.exists(partial)) {
            unmountEverythingUnder(partial);
            deleteTree(partial);
        }
        if (Files.exists(root)) {
            unmountEverythingUnder(root);
            deleteTree(root);
        }
        run(log, "/usr/sbin/debootstrap", "--variant=minbase", "--include=bird3,stayrtr", "trixie", partial.toString());
        run(log, "/usr/sbin/chroot", partial.toString(), "/bin/sh", "-c",
                "cd /tmp && apt-get download bird2 && dpkg -x bird2_*.deb " + BIRD2_PREFIX + " && rm -f bird2_*.deb"
                        + " && apt-get clean");
        String versions = String.join("\n", List.of(
                output(log, "/usr/sbin/chroot", partial.toString(), "/usr/sbin/bird", "--version"),
                output(log, "/usr/sbin/chroot", partial.toString(), BIRD2_PREFIX + "/usr/sbin/bird", "--version"),
                output(log, "/usr/sbin/chroot", partial.toString(), "/usr/bin/stayrtr", "-version")));
        Files.writeString(partial.resolve(READY_MARKER), versions + "\n");
        Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Makes {@code <root><root>} a relative symlink to the root's top, so that {@code <root>/x} names the same file
     * inside chroot as on the host. On the host the link points at the root itself, never outside it.
     */
    private static void linkOwnPath(Path root) throws IOException {
        Path relative = root.getRoot().relativize(root);
        Path link = root.resolve(relative.toString());
        Path parent = link.getParent();
        Files.createDirectories(parent);
        StringBuilder up = new StringBuilder();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            up.append("../");
        }
        Path target = Path.of(up.isEmpty() ? "." : up.toString());
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            return;
        }
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }

    /** debootstrap mounts /proc and /sys inside the target while it works: never delete through a mount. */
    private static void unmountEverythingUnder(Path dir) throws IOException {
        String prefix = dir.toAbsolutePath().normalize().toString() + "/";
        List<String> mountPoints = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] fields = line.split(" ");
            if (fields.length > 1 && (fields[1] + "/").startsWith(prefix)) {
                mountPoints.add(fields[1]);
            }
        }
        mountPoints.sort(Comparator.comparingInt(String::length).reversed());
        for (String mountPoint : mountPoints) {
            run(null, "/usr/bin/umount", "-l", mountPoint);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void run(Path log, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (log != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        int exit = waitFor(builder, command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit
                    + (log == null ? "" : " (see " + log + ": " + tail(log) + ")"));
        }
    }

    private static String output(Path log, String... command) throws IOException {
        Path out = Files.createTempFile("ztix-trixie-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            int exit = waitFor(builder, command);
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            Files.writeString(log, text + "\n", StandardOpenOption.APPEND, StandardOpenOption.CREATE);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ": " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static int waitFor(ProcessBuilder builder, String... command) {
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + BUILD_TIMEOUT);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log)";
        }
    }
}
