package io.ztix.portal.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals only: never a host name, so attacker-supplied text never causes a DNS lookup. */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}$");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("^\\[([0-9A-Fa-f:.]{2,45})](:\\d{1,5})?$");

    private IpLiteral() {
    }

    /** The address, or empty when the text is not an IP literal (an optional port is allowed, as proxies write). */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        var withPort = IPV4_WITH_PORT.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        }
        var bracketed = BRACKETED_IPV6.matcher(candidate);
        if (bracketed.matches()) {
            candidate = bracketed.group(1);
        }
        boolean v4 = IPV4.matcher(candidate).matches();
        if (!v4 && !(IPV6.matcher(candidate).matches() && candidate.contains(":"))) {
            return Optional.empty();
        }
        if (v4) {
            for (String octet : candidate.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
