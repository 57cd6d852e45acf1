package io.ztix.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A BIRD 2 route server on loopback, reached the production way: a local OpenSSH server (own host key, one
 * authorized key, 127.0.0.1 only) through which the operator uploads, checks and applies ZT-IX's include file.
 * BIRD has no kernel protocol, so it never touches the host's routes. RPKI comes from a local StayRTR serving
 * one documentation-prefix ROA. Everything lives in one directory.
 */
final class LocalRouteServer implements AutoCloseable {

    static final String BIRD = "/usr/sbin/bird";
    static final String BIRDC = "/usr/sbin/birdc";
    static final String SSHD = "/usr/sbin/sshd";
    static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";
    static final String STAYRTR = "/usr/bin/stayrtr";
    static final String ROUTER_ID = "203.0.113.1";

    private final Path dir;
    private final int sshPort;
    private final int rtrPort = FreePorts.pick();
    private Process stayrtr;
    private Process bird;
    private Process sshd;

    private LocalRouteServer(Path dir, int sshPort) {
        this.dir = dir;
        this.sshPort = sshPort;
    }

    static boolean available() {
        return missingTools().isEmpty();
    }

    static String missingReason() {
        return "not installed: " + String.join(", ", missingTools())
                + " (Debian: apt-get install bird2 openssh-server openssh-client stayrtr)";
    }

    private static List<String> missingTools() {
        return Stream.of(BIRD, BIRDC, SSHD, SSH_KEYGEN, STAYRTR).filter(tool -> !Files.isExecutable(Path.of(tool))).toList();
    }

    static LocalRouteServer start(Path dir) {
        LocalRouteServer rs = new LocalRouteServer(dir, FreePorts.pick());
        try {
            rs.launch();
            return rs;
        } catch (RuntimeException e) {
            rs.close();
            throw e;
        }
    }

    private void launch() {
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            Files.createDirectories(Path.of("/run/sshd"));
            Files.writeString(includeFile(), "# managed by ZT-IX\n");
            Files.writeString(dir.resolve("bird.conf"), "router id " + ROUTER_ID + ";\n"
                    + "log \"" + dir.resolve("bird.log") + "\" all;\n"
                    + "protocol device { scan time 10; }\n"
                    + "include \"" + includeFile() + "\";\n");
            run(SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "ztix-sandbox-host", "-f", dir.resolve("host_key").toString());
            run(SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "ztix-sandbox-operator", "-f", dir.resolve("operator_key").toString());
            Files.copy(dir.resolve("operator_key.pub"), dir.resolve("authorized_keys"));
            Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                    "Port " + sshPort,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + dir.resolve("host_key"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "AuthenticationMethods publickey",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "StrictModes no",
                    "UsePAM no",
                    // bash does not read the host's ~/.bashrc for an ssh command when it is not the first shell level
                    "SetEnv SHLVL=1",
                    ""));
            long now = System.currentTimeMillis() / 1000;
            Files.writeString(dir.resolve("vrps.json"), "{\"metadata\": {\"generated\": " + now + ", \"valid\": "
                    + (now + 86400 * 365) + "}, \"roas\": [{\"prefix\": \"198.51.100.0/24\", \"maxLength\": 24,"
                    + " \"asn\": \"AS64501\"}]}\n");
            stayrtr = new ProcessBuilder(STAYRTR, "-cache", dir.resolve("vrps.json").toString(), "-checktime=false",
                    "-bind", "127.0.0.1:" + rtrPort, "-metrics.addr", "127.0.0.1:" + FreePorts.pick(), "-protocol", "1")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stayrtr.log").toFile()).start();
            bird = new ProcessBuilder(BIRD, "-f", "-c", dir.resolve("bird.conf").toString(), "-s", socket().toString(),
                    "-P", dir.resolve("bird.pid").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("bird.out").toFile()).start();
            sshd = new ProcessBuilder(SSHD, "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
            awaitUp();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the local route server in " + dir, e);
        }
    }

    private void awaitUp() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!(birdAnswers() && accepts(sshPort) && accepts(rtrPort))) {
            if (!bird.isAlive() || !sshd.isAlive() || !stayrtr.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the local route server did not start: bird "
                        + Files.readString(dir.resolve("bird.out")) + " sshd " + Files.readString(dir.resolve("sshd.log"))
                        + " stayrtr " + Files.readString(dir.resolve("stayrtr.log")));
            }
            sleep(100);
        }
    }

    private boolean birdAnswers() {
        try {
            return Files.exists(socket()) && run(BIRDC, "-s", socket().toString(), "show", "status").contains("Daemon is up");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Path directory() {
        return dir;
    }

    Path includeFile() {
        return dir.resolve("ztix.conf");
    }

    Path socket() {
        return dir.resolve("bird.ctl");
    }

    int sshPort() {
        return sshPort;
    }

    int rtrPort() {
        return rtrPort;
    }

    String user() {
        return System.getProperty("user.name");
    }

    String operatorPrivateKey() {
        return read(dir.resolve("operator_key"));
    }

    String hostPublicKey() {
        return read(dir.resolve("host_key.pub")).trim();
    }

    List<Long> pids() {
        return Stream.of(bird, sshd, stayrtr).filter(p -> p != null).map(Process::pid).toList();
    }

    String describe() {
        return "BIRD " + socket() + " (birdc -s " + socket() + " show protocols), over ssh " + user()
                + "@127.0.0.1:" + sshPort + ", RPKI from StayRTR 127.0.0.1:" + rtrPort;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process p : new Process[] {sshd, bird, stayrtr}) {
            if (p == null) {
                continue;
            }
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public String toString() {
        return "local route server in " + dir;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
