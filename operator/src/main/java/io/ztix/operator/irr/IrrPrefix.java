package io.ztix.operator.irr;

import io.ztix.operator.network.addressing.Ipv4Literal;
import io.ztix.operator.network.addressing.Ipv6Literal;

/**
 * One entry of a member's IRR prefix list: a registered prefix and the lengths accepted for it, written in BIRD as
 * {@code prefix{min,max}}. Built from bgpq4's output, which is IRR data and so hostile: the address must be a
 * network address of its family, the lengths must fit.
 *
 * @param network canonical address text
 * @param length  the registered length
 * @param min     shortest accepted length (the registered one)
 * @param max     longest accepted length: the registered one, or up to the route server's length limit
 *                ("or more specific")
 */
public record IrrPrefix(String network, int length, int min, int max) {

    public IrrPrefix {
        int bits = network.contains(":") ? 128 : 32;
        if (length < 0 || length > bits || min < length || max < min || max > bits) {
            throw new IllegalArgumentException("prefix " + network + "/" + length + "{" + min + "," + max
                    + "} has impossible lengths");
        }
    }

    public boolean ipv6() {
        return network.contains(":");
    }

    /** As BIRD writes it in a prefix set. */
    public String bird() {
        String prefix = network + "/" + length;
        return min == length && max == length ? prefix : prefix + "{" + min + "," + max + "}";
    }

    /**
     * Parses {@code a.b.c.d/len} or an IPv6 prefix (host bits must be zero) with bgpq4's JSON range fields: exact, or
     * from {@code greater-equal} (default the length) to {@code less-equal} (default the family's longest).
     *
     * @throws IllegalArgumentException when it is not a prefix of the expected family
     */
    static IrrPrefix parse(String text, boolean ipv6, boolean exact, Integer greaterEqual, Integer lessEqual) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' is not a prefix");
        }
        String address = text.substring(0, slash);
        int length = Integer.parseInt(text.substring(slash + 1));
        String network;
        if (ipv6) {
            if (!Ipv6Literal.isValid(address) || length > 128) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 prefix");
            }
            int[] hextets = Ipv6Literal.parse(address);
            for (int bit = length; bit < 128; bit++) {
                if ((hextets[bit / 16] >> (15 - bit % 16) & 1) != 0) {
                    throw new IllegalArgumentException("'" + text + "' has host bits set");
                }
            }
            network = Ipv6Literal.format(hextets);
        } else {
            if (!Ipv4Literal.isValid(address) || length > 32) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 prefix");
            }
            long value = Ipv4Literal.parse(address);
            long hostMask = length == 32 ? 0 : (1L << (32 - length)) - 1;
            if ((value & hostMask) != 0) {
                throw new IllegalArgumentException("'" + text + "' has host bits set");
            }
            network = Ipv4Literal.format(value);
        }
        if (exact) {
            return new IrrPrefix(network, length, length, length);
        }
        int min = greaterEqual == null ? length : greaterEqual;
        int max = lessEqual == null ? (ipv6 ? 128 : 32) : lessEqual;
        return new IrrPrefix(network, length, min, max);
    }
}
