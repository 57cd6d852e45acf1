package io.ztix.operator.bird;

import io.ztix.addressing.Ipv4Literal;
import io.ztix.addressing.Ipv6Literal;
import java.util.regex.Pattern;

/**
 * Strict parsing of unicast addresses into their canonical text form (dotted quad, RFC 5952 for
 * IPv6). Never resolves names: anything that is not an address literal is rejected.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpAddresses() {
    }

    /**
     * A unicast, non-loopback IPv4 address (a BGP neighbour or local address, a router ID) in canonical
     * dotted-quad form; {@code what} names it in the error.
     */
    static String ipv4(String text, String what) {
        return ipv4(text, what, false);
    }

    /** Like {@link #ipv4(String, String)} but also accepts loopback, for local services such as RTR. */
    static String ipv4AllowingLoopback(String text, String what) {
        return ipv4(text, what, true);
    }

    /** A unicast, non-loopback, non-link-local IPv6 address in canonical RFC 5952 form. */
    static String ipv6(String text, String what) {
        return ipv6(text, what, false);
    }

    /** Like {@link #ipv6(String, String)} but also accepts ::1, for local services such as RTR. */
    static String ipv6AllowingLoopback(String text, String what) {
        return ipv6(text, what, true);
    }

    private static String ipv4(String text, String what, boolean loopbackAllowed) {
        int[] octets = parseIpv4(text, what);
        if (octets[0] == 0 || (octets[0] == 127 && !loopbackAllowed) || octets[0] >= 224) {
            throw invalid(what, text, "not a unicast IPv4 address");
        }
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
    }

    private static String ipv6(String text, String what, boolean loopbackAllowed) {
        int[] hextets = parseIpv6(text, what);
        boolean upperZero = true;
        for (int i = 0; i < 7; i++) {
            upperZero &= hextets[i] == 0;
        }
        if (upperZero && (hextets[7] == 0 || (hextets[7] == 1 && !loopbackAllowed))) {
            throw invalid(what, text, "unspecified or loopback address");
        }
        if ((hextets[0] & 0xff00) == 0xff00) {
            throw invalid(what, text, "multicast address");
        }
        if ((hextets[0] & 0xffc0) == 0xfe80) {
            throw invalid(what, text, "link-local address");
        }
        return format(hextets);
    }

    static boolean isIpv4Literal(String text) {
        return text != null && IPV4.matcher(text).matches();
    }

    static boolean isIpv6Literal(String text) {
        return text != null && text.contains(":") && IPV6_CHARS.matcher(text).matches();
    }

    private static int[] parseIpv4(String text, String what) {
        if (text == null || !IPV4.matcher(text).matches()) {
            throw invalid(what, text, "expected a dotted-quad IPv4 address");
        }
        long value;
        try {
            value = Ipv4Literal.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(what, text, e.getMessage());
        }
        return new int[] {(int) (value >>> 24) & 0xff, (int) (value >>> 16) & 0xff, (int) (value >>> 8) & 0xff, (int) value & 0xff};
    }

    private static int[] parseIpv6(String text, String what) {
        if (!isIpv6Literal(text)) {
            throw invalid(what, text, "expected an IPv6 address");
        }
        if (text.contains(".")) {
            throw invalid(what, text, "IPv4-embedded IPv6 addresses are not accepted");
        }
        try {
            return Ipv6Literal.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(what, text, e.getMessage());
        }
    }

    private static String format(int[] hextets) {
        return Ipv6Literal.format(hextets);
    }

    private static IllegalArgumentException invalid(String what, String text, String why) {
        return new IllegalArgumentException(what + " " + BirdText.quoteForMessage(text) + " is invalid: " + why);
    }
}
