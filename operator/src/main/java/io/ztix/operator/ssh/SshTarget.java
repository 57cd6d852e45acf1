package io.ztix.operator.ssh;

import io.ztix.api.routeserver.SshSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and as whom to log in. The private key is the OpenSSH/PEM text from a Secret; {@link #toString()}
 * never prints it. The host key is always pinned: there is no constructor without one.
 */
public record SshTarget(String host, int port, String user, String privateKeyOpenSsh, String pinnedHostKey,
        Duration connectTimeout, Duration commandTimeout) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]*");

    public SshTarget {
        Objects.requireNonNull(host, "host");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("SSH host '" + host + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port " + port + " is outside 1..65535");
        }
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("SSH user '" + user + "' is not a valid login name");
        }
        if (privateKeyOpenSsh == null || privateKeyOpenSsh.isBlank()) {
            throw new IllegalArgumentException("SSH private key is empty");
        }
        PinnedHostKey.parse(pinnedHostKey);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("commandTimeout", commandTimeout);
    }

    /** Builds a target from the RouteServer's spec.ssh and the private key text read from its Secret. */
    public static SshTarget from(SshSpec spec, String privateKeyOpenSsh, Duration connectTimeout,
            Duration commandTimeout) {
        Objects.requireNonNull(spec, "spec.ssh");
        return new SshTarget(spec.host, spec.port == null ? 22 : spec.port, spec.user == null ? "ztix" : spec.user,
                privateKeyOpenSsh, spec.hostKey, connectTimeout, commandTimeout);
    }

    public PinnedHostKey hostKey() {
        return PinnedHostKey.parse(pinnedHostKey);
    }

    /** The host without the brackets an IPv6 literal may be written with ("[2001:db8::1]"). */
    public String address() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** "host:port", with brackets around IPv6 literals. */
    public String endpoint() {
        return (address().contains(":") ? "[" + address() + "]" : address()) + ":" + port;
    }

    @Override
    public String toString() {
        return "SshTarget[" + user + "@" + endpoint() + ", hostKey=" + hostKey() + ", connectTimeout="
                + connectTimeout + ", commandTimeout=" + commandTimeout + ", privateKey=<redacted>]";
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
