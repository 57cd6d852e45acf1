package io.ztix.operator.irr;

import io.ztix.addressing.IpLiterals;

/**
 * One entry of a member's IRR prefix list: a registered prefix and the lengths accepted for it, written in BIRD as
 * {@code prefix{min,max}}. Built from bgpq4's output, which is IRR data and so hostile: the address must be a
 * network address of its family (checked by {@link IpLiterals#network} and made canonical on construction), the
 * lengths must fit.
 *
 * @param network canonical address text
 * @param length  the registered length
 * @param min     shortest accepted length (the registered one)
 * @param max     longest accepted length: the registered one, or up to the route server's length limit
 *                ("or more specific")
 */
public record IrrPrefix(String network, int length, int min, int max) {

    public IrrPrefix {
        boolean v6 = network != null && network.contains(":");
        int bits = v6 ? 128 : 32;
        if (length < 0 || length > bits || min < length || max < min || max > bits) {
            throw new IllegalArgumentException("prefix " + network + "/" + length + "{" + min + "," + max
                    + "} has impossible lengths");
        }
        String prefix = IpLiterals.network(network + "/" + length);
        network = prefix.substring(0, prefix.indexOf('/'));
    }

    public boolean ipv6() {
        return network.contains(":");
    }

    /** As BIRD writes it in a prefix set. */
    /** This entry with every more specific down to {@code longest} (RFC 7999 blackhole routes), as a BIRD set element. */
    public String orLonger(int longest) {
        return network + "/" + length + "{" + min + "," + longest + "}";
    }

    public String bird() {
        String prefix = network + "/" + length;
        return min == length && max == length ? prefix : prefix + "{" + min + "," + max + "}";
    }

    /**
     * Parses {@code a.b.c.d/len} or an IPv6 prefix ({@link IpLiterals#network}: host bits must be zero) with bgpq4's
     * JSON range fields: exact, or from {@code greater-equal} (default the length) to {@code less-equal} (default the
     * family's longest).
     *
     * @throws IllegalArgumentException when it is not a prefix of the expected family
     */
    static IrrPrefix parse(String text, boolean ipv6, boolean exact, Integer greaterEqual, Integer lessEqual) {
        String prefix = IpLiterals.network(text);
        if (prefix.contains(":") != ipv6) {
            throw new IllegalArgumentException("'" + text + "' is not an " + (ipv6 ? "IPv6" : "IPv4") + " prefix");
        }
        int slash = prefix.indexOf('/');
        String network = prefix.substring(0, slash);
        int length = Integer.parseInt(prefix.substring(slash + 1));
        if (exact) {
            return new IrrPrefix(network, length, length, length);
        }
        int min = greaterEqual == null ? length : greaterEqual;
        int max = lessEqual == null ? (ipv6 ? 128 : 32) : lessEqual;
        return new IrrPrefix(network, length, min, max);
    }
}
