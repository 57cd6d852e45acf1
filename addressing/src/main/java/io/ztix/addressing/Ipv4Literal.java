package io.ztix.addressing;

/**
 * Strict dotted-quad IPv4 literals ({@code 203.0.113.7}), parsed without ever touching DNS.
 * Leading zeros are rejected because some parsers read them as octal.
 */
public final class Ipv4Literal {

    private Ipv4Literal() {
    }

    /** Parses a dotted quad into its 32-bit value (as an unsigned int in a long). */
    public static long parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("IPv4 address is empty");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: expected four dot-separated numbers");
        }
        long value = 0;
        for (String part : parts) {
            value = (value << 8) | octet(text, part);
        }
        return value;
    }

    /** True when the text is a valid dotted quad. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String format(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("IPv4 value out of range: " + value);
        }
        return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }

    private static int octet(String text, String part) {
        if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: '" + part + "' is not a number 0..255");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: '" + part
                    + "' has a leading zero (ambiguous, some parsers read it as octal)");
        }
        int octet = Integer.parseInt(part);
        if (octet > 255) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: " + octet + " is greater than 255");
        }
        return octet;
    }
}
