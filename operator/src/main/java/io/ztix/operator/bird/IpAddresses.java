package io.ztix.operator.bird;

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
        String[] parts = text.split("\\.");
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                throw invalid(what, text, "octet out of range");
            }
        }
        return octets;
    }

    private static int[] parseIpv6(String text, String what) {
        if (!isIpv6Literal(text)) {
            throw invalid(what, text, "expected an IPv6 address");
        }
        if (text.contains(".")) {
            throw invalid(what, text, "IPv4-embedded IPv6 addresses are not accepted");
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw invalid(what, text, "more than one '::'");
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        String[] headParts = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] tailParts = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        int given = headParts.length + tailParts.length;
        if (doubleColon < 0 ? given != 8 : given > 7) {
            throw invalid(what, text, "wrong number of groups");
        }
        int[] hextets = new int[8];
        for (int i = 0; i < headParts.length; i++) {
            hextets[i] = hextet(headParts[i], text, what);
        }
        for (int i = 0; i < tailParts.length; i++) {
            hextets[8 - tailParts.length + i] = hextet(tailParts[i], text, what);
        }
        return hextets;
    }

    private static int hextet(String part, String text, String what) {
        if (part.isEmpty() || part.length() > 4) {
            throw invalid(what, text, "malformed group '" + part + "'");
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 16);
            if (digit < 0) {
                throw invalid(what, text, "malformed group '" + part + "'");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (>= 2) of zero groups as "::". */
    private static String format(int[] hextets) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (hextets[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && hextets[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(hextets[i]));
        }
        return text.toString();
    }

    private static IllegalArgumentException invalid(String what, String text, String why) {
        return new IllegalArgumentException(what + " " + BirdText.quoteForMessage(text) + " is invalid: " + why);
    }
}
