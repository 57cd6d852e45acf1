package io.ztix.operator.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One authenticated SSH connection to a route server. The server must present the pinned host key; there
 * is no option to skip that check. Commands run over exec channels, each with its own timeout, under the
 * remote login shell as {@code timeout -s KILL <n> sh -c '<command>'} so a timed-out command really ends.
 */
public final class SshSession implements AutoCloseable {

    private static final long POLL_MILLIS = 10;

    private final SshTarget target;
    private final Session session;

    private SshSession(SshTarget target, Session session) {
        this.target = target;
        this.session = session;
    }

    /**
     * Connects, verifies the host key against the pin and authenticates with the private key.
     *
     * @throws HostKeyMismatchException if the server presents another key
     * @throws SshException of kind CONNECT, CONNECT_TIMEOUT or AUTH otherwise
     */
    public static SshSession open(SshTarget target) {
        PinnedHostKey pin = target.hostKey();
        PinnedHostKeyRepository repository = new PinnedHostKeyRepository(pin);
        JSch jsch = new JSch();
        jsch.setHostKeyRepository(repository);
        try {
            jsch.addIdentity("ztix@" + target.endpoint(),
                    target.privateKeyOpenSsh().getBytes(StandardCharsets.UTF_8), null, null);
        } catch (JSchException e) {
            throw new SshException(SshException.Kind.AUTH,
                    "the private key for " + target.endpoint() + " is not a readable unencrypted OpenSSH/PEM key: "
                            + e.getMessage(), e);
        }
        Session session;
        try {
            session = jsch.getSession(target.user(), target.address(), target.port());
        } catch (JSchException e) {
            throw new SshException(SshException.Kind.CONNECT, "cannot set up SSH to " + target + ": " + e.getMessage(), e);
        }
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("server_host_key", pin.hostKeyAlgorithms());
        session.setConfig("PreferredAuthentications", "publickey");
        try {
            session.connect(millis(target.connectTimeout()));
        } catch (JSchException e) {
            session.disconnect();
            throw classify(target, pin, repository, e);
        }
        return new SshSession(target, session);
    }

    public SshTarget target() {
        return target;
    }

    /** Runs a command with the target's command timeout and no input. */
    public CommandResult exec(String command) {
        return exec(command, null, target.commandTimeout());
    }

    /** Runs a command with no input. A timeout kills the channel and throws COMMAND_TIMEOUT. */
    public CommandResult exec(String command, Duration timeout) {
        return exec(command, null, timeout);
    }

    /**
     * Runs a command, feeding it {@code stdin} (then end-of-file). Non-zero exit codes are returned, not thrown;
     * use {@link CommandResult#requireSuccess()} where success is required.
     *
     * @throws SshException COMMAND_TIMEOUT if it runs longer than {@code timeout} (the channel is closed and the
     *         remote command killed),
     *         COMMAND_FAILED if the channel cannot be opened
     */
    public CommandResult exec(String command, byte[] stdin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ChannelExec channel;
        OutputStream input;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(withRemoteTimeout(command, timeout));
            // No setInputStream: jsch would start a thread to pump it, and assigns that thread to a field the session's
            // reader thread clears when the server closes the channel; a command that ends at once (mv, rm) closes it
            // while connect() is still between the two, and connect() fails with "this.thread is null". This thread
            // writes the input instead, after connect().
            input = channel.getOutputStream();
            channel.setOutputStream(stdout);
            channel.setErrStream(stderr);
            channel.connect(millis(timeout));
        } catch (JSchException | IOException e) {
            throw new SshException(SshException.Kind.COMMAND_FAILED,
                    "cannot run '" + command + "' on " + target.endpoint() + ": " + e.getMessage(), e);
        }
        feed(input, stdin);
        try {
            while (!channel.isClosed()) {
                if (System.nanoTime() - deadline > 0) {
                    channel.disconnect();
                    throw new SshException(SshException.Kind.COMMAND_TIMEOUT, "'" + command + "' on "
                            + target.endpoint() + " did not finish within " + timeout + "; killed it");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.disconnect();
            Thread.currentThread().interrupt();
            throw new SshException(SshException.Kind.COMMAND_FAILED, "interrupted while running '" + command + "'", e);
        }
        int exitCode = channel.getExitStatus();
        channel.disconnect();
        return new CommandResult(command, exitCode, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8));
    }

    /**
     * Sends the command's input and end-of-file. A command that ends (or is killed by its remote timeout) before it
     * has read everything closes the channel under the write: its exit status then says how it went.
     */
    private static void feed(OutputStream input, byte[] stdin) {
        try (input) {
            if (stdin != null) {
                input.write(stdin);
            }
        } catch (IOException e) {
            // the channel is closed: nothing more to send
        }
    }

    /**
     * Writes {@code content} to an absolute remote path with {@code cat > path} (no SFTP subsystem needed),
     * replacing the file if it exists.
     */
    public void upload(String remotePath, byte[] content) {
        exec("cat > " + ShellQuoting.path(remotePath), content, target.commandTimeout()).requireSuccess();
    }

    @Override
    public void close() {
        session.disconnect();
    }

    /**
     * Closing a channel does not end the remote process, and sshd refuses "signal" requests for root logins, so
     * the server enforces the limit itself: {@code timeout -s KILL} (coreutils and BusyBox) kills the command's
     * whole process group one second after this side has given up on it.
     */
    static String withRemoteTimeout(String command, Duration timeout) {
        long seconds = (timeout.toMillis() + 999) / 1000 + 1;
        return "timeout -s KILL " + seconds + " sh -c " + ShellQuoting.quote(command);
    }

    private static SshException classify(SshTarget target, PinnedHostKey pin, PinnedHostKeyRepository repository,
            JSchException e) {
        byte[] rejected = repository.rejectedKey();
        if (rejected != null) {
            return new HostKeyMismatchException(target.endpoint(), pin.fingerprint(), PinnedHostKey.fingerprint(rejected));
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return new SshException(SshException.Kind.AUTH, "authentication as '" + target.user() + "' to "
                    + target.endpoint() + " was rejected (" + message + ")", e);
        }
        if (e.getCause() instanceof SocketTimeoutException || message.contains("timeout")
                || message.contains("timed out")) {
            return new SshException(SshException.Kind.CONNECT_TIMEOUT, "no SSH connection to " + target.endpoint()
                    + " within " + target.connectTimeout() + " (" + message + ")", e);
        }
        return new SshException(SshException.Kind.CONNECT, "cannot connect to " + target.endpoint() + ": " + message, e);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
