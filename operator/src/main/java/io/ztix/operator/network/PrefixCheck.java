package io.ztix.operator.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** Validates address prefixes given as text, without ever resolving names. */
public final class PrefixCheck {

    private static final Pattern IPV6_LITERAL = Pattern.compile("^[0-9a-fA-F:]{2,39}$");
    private static final Pattern IPV4_LITERAL = Pattern.compile("^([0-9]{1,3}\\.){3}[0-9]{1,3}$");

    private PrefixCheck() {
    }

    public static List<String> ipv6Slash64(String field, String prefix) {
        String[] parts = prefix.split("/", -1);
        if (parts.length != 2 || !"64".equals(parts[1])) {
            return List.of(field + " must be an IPv6 /64 such as 2001:db8:ff::/64, got '" + prefix + "'");
        }
        InetAddress address = literal(parts[0], IPV6_LITERAL);
        if (!(address instanceof Inet6Address)) {
            return List.of(field + " '" + prefix + "' is not a valid IPv6 prefix");
        }
        byte[] bytes = address.getAddress();
        for (int i = 8; i < 16; i++) {
            if (bytes[i] != 0) {
                return List.of(field + " '" + prefix + "' has host bits set; write the network address (the first 64 bits)");
            }
        }
        return List.of();
    }

    public static List<String> ipv4(String field, String prefix) {
        String[] parts = prefix.split("/", -1);
        int length;
        try {
            length = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 16 || length > 29) {
            return List.of(field + " must be an IPv4 prefix from /16 to /29 such as 203.0.113.0/24, got '" + prefix + "'");
        }
        InetAddress address = literal(parts[0], IPV4_LITERAL);
        if (!(address instanceof Inet4Address)) {
            return List.of(field + " '" + prefix + "' is not a valid IPv4 prefix");
        }
        byte[] b = address.getAddress();
        long value = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        long hostMask = (1L << (32 - length)) - 1;
        if ((value & hostMask) != 0) {
            return List.of(field + " '" + prefix + "' has host bits set; write the network address");
        }
        return List.of();
    }

    private static InetAddress literal(String text, Pattern shape) {
        if (!shape.matcher(text).matches()) {
            return null;
        }
        if (shape == IPV4_LITERAL) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text); // a literal by the check above: never a DNS lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
