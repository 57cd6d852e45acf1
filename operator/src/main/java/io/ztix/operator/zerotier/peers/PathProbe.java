package io.ztix.operator.zerotier.peers;

import io.ztix.operator.ssh.CommandResult;
import io.ztix.operator.ssh.SshException;
import io.ztix.operator.ssh.SshSession;
import java.time.Duration;
import java.util.Map;

/**
 * Asks the route server's own ZeroTier node for its peers over the SSH session the session poll already has. It
 * never fails the poll: a route server without {@code zerotier-cli} (e.g. the test labs), a service that does not
 * answer, a user without the auth token or unreadable output all give {@link Observation#unavailable}.
 */
public final class PathProbe {

    public static final String COMMAND = "zerotier-cli -j peers";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int COMMAND_NOT_FOUND = 127;

    private final String command;

    public PathProbe() {
        this(COMMAND);
    }

    /** @param command the command to run instead of {@link #COMMAND} (tests) */
    public PathProbe(String command) {
        this.command = command;
    }

    /** What the route server's node reports, or why nothing could be read. */
    public Observation read(SshSession session) {
        CommandResult result;
        try {
            result = session.exec(command, TIMEOUT);
        } catch (SshException e) {
            return new Observation(Map.of(), "could not run " + COMMAND + " on the route server: " + e.getMessage(), true);
        }
        if (result.exitCode() == COMMAND_NOT_FOUND) {
            return Observation.unavailable("zerotier-cli is not installed on the route server (or not on the PATH "
                    + "of its SSH user)");
        }
        if (!result.succeeded()) {
            return Observation.unavailable(COMMAND + " failed on the route server (exit " + result.exitCode() + "): "
                    + firstLine(result.output()));
        }
        try {
            return new Observation(PeersJson.parse(result.stdout()), null);
        } catch (IllegalArgumentException e) {
            return Observation.unavailable(e.getMessage());
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * @param peers      the route server's peers by node ID, when they could be read
     * @param problem    why not, else null
     * @param sshFailed  the SSH session itself failed (not the tool): nothing was learnt about the paths, the
     *                   previous ones stand
     */
    public record Observation(Map<String, Peer> peers, String problem, boolean sshFailed) {

        public Observation(Map<String, Peer> peers, String problem) {
            this(peers, problem, false);
        }

        public static Observation unavailable(String problem) {
            return new Observation(Map.of(), problem);
        }

        public boolean available() {
            return problem == null;
        }
    }
}
