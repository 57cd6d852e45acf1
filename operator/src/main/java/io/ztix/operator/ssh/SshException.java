package io.ztix.operator.ssh;

/**
 * A failure talking to a route server over SSH. {@link #kind()} says which step failed, so callers can
 * report "host key mismatch" differently from "connection refused" or "command timed out".
 */
public class SshException extends RuntimeException {

    /** The step that failed. */
    public enum Kind {
        /** TCP connection or SSH handshake failed (refused, unreachable, closed by the server). */
        CONNECT,
        /** No connection or handshake within the connect timeout. */
        CONNECT_TIMEOUT,
        /** The server presented a host key other than the pinned one. */
        HOST_KEY,
        /** The server rejected the private key, or the key could not be read. */
        AUTH,
        /** A command did not finish within its timeout; its channel was killed. */
        COMMAND_TIMEOUT,
        /** A command could not be run or exited unsuccessfully where success was required. */
        COMMAND_FAILED
    }

    private final Kind kind;

    public SshException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SshException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
