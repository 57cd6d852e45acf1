package io.ztix.operator.testsupport;

import io.ztix.operator.bird.BirdVersion;
import io.ztix.testing.RealTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real BIRD the route-server tests run against: Debian 12's BIRD 2.0.12 on the host, or BIRD 3.1 / 2.17 from
 * the {@link TrixieRoot} (run with {@code chroot}). Gives the command lines to start {@code bird} and
 * {@code birdc} (to be put behind {@code ip netns exec} or {@code unshare --net}), single executables for a
 * RouteServer's {@code spec.bird.birdCommand}/{@code birdcCommand}, and directories whose path is the same for
 * the host and for this BIRD.
 *
 * <p>Parameterise a test over {@link #underTest()} with
 * {@code @MethodSource("io.ztix.operator.testsupport.BirdInstallation#underTest")}: an installation that cannot
 * be had here skips its invocations (or fails them in CI) when first used, the others still run.
 */
public enum BirdInstallation {

    /** Debian 12's bird2 package on this machine (2.0.12). */
    HOST_2_0("BIRD 2.0 (Debian 12)", null, "/usr/sbin"),
    /** Debian 13's bird2 package (2.17), unpacked in the trixie root. */
    TRIXIE_2_17("BIRD 2.17 (Debian 13)", TrixieRoot.BIRD2_PREFIX, TrixieRoot.BIRD2_PREFIX + "/usr/sbin"),
    /** Debian 13's bird3 package (3.1). */
    TRIXIE_3_1("BIRD 3.1 (Debian 13)", "", "/usr/sbin");

    private static final Map<BirdInstallation, String> VERSIONS = new ConcurrentHashMap<>();

    private final String label;
    /** null for the host; else the prefix inside the trixie root ("" for packages installed there). */
    private final String rootPrefix;
    private final String sbin;

    BirdInstallation(String label, String rootPrefix, String sbin) {
        this.label = label;
        this.rootPrefix = rootPrefix;
        this.sbin = sbin;
    }

    /** The lines every real-BIRD behaviour test runs on: BIRD 2.0.12 (the host) and BIRD 3.1 (trixie). */
    public static Stream<BirdInstallation> underTest() {
        return Stream.of(HOST_2_0, TRIXIE_3_1);
    }

    /** Every installation, including trixie's BIRD 2.17 (for parse and feature checks). */
    public static Stream<BirdInstallation> all() {
        return Stream.of(values());
    }

    public boolean inTrixieRoot() {
        return rootPrefix != null;
    }

    /** Skips (or fails in CI) when this installation is not available; builds the trixie root if needed. */
    public void require() {
        if (inTrixieRoot()) {
            TrixieRoot.get();
            RealTools.require("chroot", "/usr/sbin/chroot");
        } else {
            RealTools.require("bird", sbin + "/bird");
            RealTools.require("birdc", sbin + "/birdc");
        }
    }

    /** {@code bird args...} as a command line; paths in args must come from {@link #tempDirectory(String)}. */
    public List<String> bird(String... args) {
        return command("bird", args);
    }

    /** {@code birdc args...} as a command line. */
    public List<String> birdc(String... args) {
        return command("birdc", args);
    }

    /** {@code stayrtr args...}: the host's StayRTR, or trixie's (0.6) for a trixie BIRD. */
    public List<String> stayrtr(String... args) {
        require();
        List<String> command = new ArrayList<>();
        if (inTrixieRoot()) {
            command.addAll(List.of("/usr/sbin/chroot", TrixieRoot.get().toString(), "/usr/bin/stayrtr"));
        } else {
            command.add(RealTools.require("stayrtr", "/usr/bin/stayrtr").toString());
        }
        command.addAll(List.of(args));
        return command;
    }

    /** One executable that runs this installation's bird (for a RouteServer's spec.bird.birdCommand). */
    public Path birdExecutable() {
        return executable("bird");
    }

    /** One executable that runs this installation's birdc (for spec.bird.birdcCommand). */
    public Path birdcExecutable() {
        return executable("birdc");
    }

    /** A new directory with the same path for the host and for this BIRD (in the trixie root for a trixie BIRD). */
    public Path tempDirectory(String prefix) {
        require();
        if (inTrixieRoot()) {
            return TrixieRoot.tempDirectory(prefix);
        }
        return TempDirs.create(prefix);
    }

    /** The version {@code bird --version} reports, e.g. "3.1.8". */
    public String version() {
        return VERSIONS.computeIfAbsent(this, installation -> {
            String output = run(bird("--version")).strip();
            String prefix = "BIRD version ";
            if (!output.startsWith(prefix)) {
                throw new IllegalStateException(label + ": unexpected bird --version output: " + output);
            }
            return output.substring(prefix.length()).strip();
        });
    }

    /** The version as the renderer takes it: a test renders the configuration for the BIRD it runs against. */
    public BirdVersion birdVersion() {
        return BirdVersion.parse(version());
    }

    /** Major version: 2 or 3. */
    public int major() {
        return Integer.parseInt(version().split("\\.")[0]);
    }

    /**
     * The name {@code show route all} prints for a BGP attribute, given its filter name: BIRD 3 prints the filter
     * name ({@code bgp_path}), BIRD 2 its own ({@code BGP.as_path}, {@code BGP.local_pref}).
     */
    public String shownAttribute(String filterName) {
        if (major() >= 3) {
            return filterName;
        }
        if (filterName.equals("bgp_path")) {
            return "BGP.as_path";
        }
        if (!filterName.startsWith("bgp_")) {
            throw new IllegalArgumentException("not a BGP attribute: " + filterName);
        }
        return "BGP." + filterName.substring("bgp_".length());
    }

    @Override
    public String toString() {
        return label;
    }

    private List<String> command(String program, String... args) {
        require();
        List<String> command = new ArrayList<>();
        if (inTrixieRoot()) {
            command.addAll(List.of("/usr/sbin/chroot", TrixieRoot.get().toString()));
        }
        command.add(sbin + "/" + program);
        command.addAll(List.of(args));
        return command;
    }

    private Path executable(String program) {
        require();
        if (!inTrixieRoot()) {
            return Path.of(sbin, program);
        }
        Path root = TrixieRoot.get();
        Path script = root.resolveSibling(root.getFileName() + "-bin").resolve(name().toLowerCase()).resolve(program);
        String content = "#!/bin/sh\n# " + label + " " + program + " from the trixie root (test support)\n"
                + "exec /usr/sbin/chroot '" + root + "' '" + sbin + "/" + program + "' \"$@\"\n";
        try {
            Files.createDirectories(script.getParent());
            if (!Files.exists(script) || !Files.readString(script).equals(content)) {
                Path temp = Files.createTempFile(script.getParent(), program, ".tmp");
                Files.writeString(temp, content);
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(temp, script, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
        return script;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
