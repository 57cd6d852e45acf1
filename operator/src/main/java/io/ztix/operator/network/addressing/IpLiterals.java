package io.ztix.operator.network.addressing;

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

    /** The canonical text, or the text itself when it is not an address (so comparisons still work). */
    public static String canonicalOrSelf(String text) {
        return canonical(text).orElse(text);
    }
}
