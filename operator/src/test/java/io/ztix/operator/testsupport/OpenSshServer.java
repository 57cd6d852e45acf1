package io.ztix.operator.testsupport;

import io.ztix.testing.RealTools;
import io.ztix.operator.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A real OpenSSH server (/usr/sbin/sshd -D -e) on 127.0.0.1 and a free port, with its own ed25519 host key and
 * one authorized client key, all in a temporary directory. Logs go to {@link #logFile()}. Logins are as the
 * current user (root on the test machine). {@link #stop()} kills exactly the sshd it started, by pid.
 */
public final class OpenSshServer implements AutoCloseable {

    private static final Path PRIVILEGE_SEPARATION_DIR = Path.of("/run/sshd");

    private final Path dir;
    private final int port;
    private final SshKeygen.GeneratedKey hostKey;
    private final SshKeygen.GeneratedKey clientKey;
    private Process process;
    private Path commandsFirst;

    private OpenSshServer(Path dir, int port, SshKeygen.GeneratedKey hostKey, SshKeygen.GeneratedKey clientKey) {
        this.dir = dir;
        this.port = port;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
    }

    /** Generates keys, writes sshd_config and starts sshd; waits until it accepts connections. */
    public static OpenSshServer start() {
        return start(null);
    }

    /**
     * Like {@link #start()}, but the sessions' PATH starts with {@code commandsFirst} (sshd_config SetEnv), so
     * that a test can put wrappers (e.g. a fault-injecting {@code sudo}) in front of the real commands.
     */
    public static OpenSshServer startWithCommandsFirstFrom(Path commandsFirst) {
        return start(commandsFirst);
    }

    private static OpenSshServer start(Path commandsFirst) {
        Path sshd = RealTools.require("sshd", "/usr/sbin/sshd");
        RealTools.require("ssh-keygen", "/usr/bin/ssh-keygen");
        Path dir = TempDirs.create("ztix-sshd-");
        try {
            OpenSshServer server = new OpenSshServer(dir, FreePorts.pick(), SshKeygen.ed25519(dir, "host_key"),
                    SshKeygen.ed25519(dir, "client_key"));
            server.launch(sshd, commandsFirst);
            return server;
        } catch (RuntimeException | IOException e) {
            TempDirs.delete(dir);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot start sshd", e);
        }
    }

    private void launch(Path sshd, Path commandsFirst) throws IOException {
        this.commandsFirst = commandsFirst;
        ensurePrivilegeSeparationDirectory();
        Files.writeString(dir.resolve("authorized_keys"), clientKey.publicKeyLine() + "\n");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "LogLevel VERBOSE",
                // SHLVL: bash (the login shell) does not read the host's ~/.bashrc for an ssh command when it is not the first
                // shell level; a developer's rc (pyenv init waiting 60 s on a stale lock) must not slow every command down.
                // One SetEnv line: sshd uses the first one only.
                "SetEnv SHLVL=1" + (commandsFirst == null ? ""
                        : " PATH=" + commandsFirst + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                "") );
        process = new ProcessBuilder(List.of(sshd.toString(), "-D", "-e", "-f", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(logFile().toFile())
                .start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!FreePorts.accepting(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(logFile());
                stop();
                throw new IllegalStateException("sshd did not start on port " + port + ": " + log);
            }
            Processes.sleep(50);
        }
    }

    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        if (!Files.isDirectory(PRIVILEGE_SEPARATION_DIR)) {
            Files.createDirectories(PRIVILEGE_SEPARATION_DIR,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return System.getProperty("user.name");
    }

    /** The authorized client key, OpenSSH private key text as it would sit in a Secret. */
    public String clientPrivateKey() {
        return clientKey.privateKey();
    }

    /** The server's host public key line, "ssh-ed25519 AAAA... comment", as in known_hosts. */
    public String hostPublicKey() {
        return hostKey.publicKeyLine();
    }

    /** The host key's fingerprint as ssh-keygen prints it ("SHA256:..."). */
    public String hostKeyFingerprint() {
        return hostKey.fingerprint();
    }

    public Path directory() {
        return dir;
    }

    public Path logFile() {
        return dir.resolve("sshd.log");
    }

    public long pid() {
        return process.pid();
    }

    /** A target for this server with the right keys and the given timeouts. */
    public SshTarget target(Duration connectTimeout, Duration commandTimeout) {
        return new SshTarget(host(), port, user(), clientPrivateKey(), hostPublicKey(), connectTimeout, commandTimeout);
    }

    /** A target with 10 s connect and 30 s command timeouts. */
    public SshTarget target() {
        return target(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Starts this sshd again after {@link #stop()}: same port, keys and configuration. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("sshd is running");
        }
        try {
            launch(RealTools.require("sshd", "/usr/sbin/sshd"), commandsFirst);
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart sshd", e);
        }
    }

    /** Kills this sshd (and the session processes it forked) by pid; the temporary directory stays until close(). */
    public void stop() {
        Processes.stop(process);
    }

    /** Stops sshd and deletes its temporary directory. */
    @Override
    public void close() {
        stop();
        TempDirs.delete(dir);
    }
}
