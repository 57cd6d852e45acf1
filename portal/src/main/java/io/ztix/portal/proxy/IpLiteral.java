package io.ztix.portal.proxy;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Parses IP address literals only: never a host name, so attacker-supplied text never causes a DNS lookup.
 * The parsing is Netty's ({@link NetUtil#createInetAddressFromIpAddressString}, which never asks the resolver);
 * this class only takes off the port a proxy may write after an address.
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * The address, or empty when the text is not an IP literal. Accepted: {@code 192.0.2.7}, {@code 2001:db8::7},
     * {@code [2001:db8::7]}, and with a port {@code 192.0.2.7:4711} or {@code [2001:db8::7]:4711}; an IPv4-mapped
     * IPv6 address is its IPv4 address. Zone ids ({@code %eth0}) are not accepted.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[")) {
            int close = candidate.indexOf(']');
            if (close < 0 || !(close == candidate.length() - 1 || isPort(candidate.substring(close + 1)))) {
                return Optional.empty();
            }
            candidate = candidate.substring(1, close);
            if (candidate.indexOf(':') < 0) {
                return Optional.empty();
            }
        } else if (candidate.indexOf(':') > 0 && candidate.indexOf(':') == candidate.lastIndexOf(':')) {
            // one colon: an IPv4 address and a port (an IPv6 address has at least two)
            int colon = candidate.indexOf(':');
            if (!isPort(candidate.substring(colon))) {
                return Optional.empty();
            }
            candidate = candidate.substring(0, colon);
        }
        return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(candidate));
    }

    /** Whether {@code text} is ':' and a port number. */
    private static boolean isPort(String text) {
        return text.length() >= 2 && text.length() <= 6 && text.charAt(0) == ':'
                && text.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
    }
}
