package io.ztix.addressing;

import java.util.Optional;

/** Canonical text of IP addresses and prefixes, so that two spellings of one address compare equal. */
public final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * The canonical text of an IPv4 or IPv6 address ({@code 2001:DB8:0::1} -> {@code 2001:db8::1}), or of a
     * prefix when the text has a {@code /length}; empty when the text is neither.
     */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String suffix = slash < 0 ? "" : text.substring(slash);
        if (slash >= 0 && !suffix.matches("/(0|[1-9][0-9]{0,2})")) {
            return Optional.empty();
        }
        if (Ipv4Literal.isValid(address)) {
            return Optional.of(Ipv4Literal.format(Ipv4Literal.parse(address)) + suffix);
        }
        if (Ipv6Literal.isValid(address)) {
            return Optional.of(Ipv6Literal.format(Ipv6Literal.parse(address)) + suffix);
        }
        return Optional.empty();
    }

    /**
     * The canonical text of a network prefix ({@code 2001:DB8:0::/32} -> {@code 2001:db8::/32}): an IPv4 or IPv6
     * address with a {@code /length} that fits its family and no host bit set, as BIRD and the IRR write networks.
     *
     * @throws IllegalArgumentException saying what is wrong (not a prefix, length too long, host bits set)
     */
    public static String network(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("0|[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("'" + text + "' is not a prefix (address/length)");
        }
        String address = text.substring(0, slash);
        int length = Integer.parseInt(text.substring(slash + 1));
        if (Ipv4Literal.isValid(address)) {
            if (length > 32) {
                throw new IllegalArgumentException("'" + text + "' is longer than /32");
            }
            long value = Ipv4Literal.parse(address);
            if ((value & ((1L << (32 - length)) - 1)) != 0) {
                throw new IllegalArgumentException("'" + text + "' has host bits set (a network, not an address, "
                        + "is expected)");
            }
            return Ipv4Literal.format(value) + "/" + length;
        }
        if (Ipv6Literal.isValid(address)) {
            if (length > 128) {
                throw new IllegalArgumentException("'" + text + "' is longer than /128");
            }
            int[] hextets = Ipv6Literal.parse(address);
            for (int bit = length; bit < 128; bit++) {
                if ((hextets[bit / 16] >> (15 - bit % 16) & 1) != 0) {
                    throw new IllegalArgumentException("'" + text + "' has host bits set (a network, not an address, "
                            + "is expected)");
                }
            }
            return Ipv6Literal.format(hextets) + "/" + length;
        }
        throw new IllegalArgumentException("'" + text + "' is not a prefix: '" + address + "' is not an IP address");
    }

    /** The canonical text, or the text itself when it is not an address (so comparisons still work). */
    public static String canonicalOrSelf(String text) {
        return canonical(text).orElse(text);
    }
}
