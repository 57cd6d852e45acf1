package io.ztix.addressing;

/**
 * An IPv4 peering LAN from /16 to /29.
 *
 * @param network      the network address as an unsigned 32-bit value
 * @param prefixLength 16..29
 */
public record Ipv4Lan(long network, int prefixLength) {

    public static final int SHORTEST_PREFIX = 16;
    public static final int LONGEST_PREFIX = 29;

    public Ipv4Lan {
        if (prefixLength < SHORTEST_PREFIX || prefixLength > LONGEST_PREFIX) {
            throw new IllegalArgumentException("IPv4 peering LAN must be /" + SHORTEST_PREFIX + " to /" + LONGEST_PREFIX
                    + ", not /" + prefixLength);
        }
        if ((network & hostMask(prefixLength)) != 0) {
            throw new IllegalArgumentException("IPv4 peering LAN " + Ipv4Literal.format(network) + "/" + prefixLength
                    + " has host bits set; did you mean " + Ipv4Literal.format(network & ~hostMask(prefixLength) & 0xFFFF_FFFFL)
                    + "/" + prefixLength + "?");
        }
    }

    /** Parses {@code 203.0.113.0/24}. */
    public static Ipv4Lan parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("IPv4 peering LAN is empty; expected e.g. 203.0.113.0/24");
        }
        int slash = cidr.indexOf('/');
        if (slash < 0 || !cidr.substring(slash + 1).matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("IPv4 peering LAN '" + cidr + "' needs a prefix length /16 to /29, "
                    + "e.g. 203.0.113.0/24");
        }
        return new Ipv4Lan(Ipv4Literal.parse(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** Number of usable host addresses (network and broadcast excluded). */
    public long hostCount() {
        return (1L << (32 - prefixLength)) - 2;
    }

    /** The host address at the given offset (1 = first host). */
    public long hostAt(long offset) {
        if (offset < 1 || offset > hostCount()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the hosts 1.." + hostCount() + " of " + this);
        }
        return network + offset;
    }

    public boolean contains(long address) {
        return (address & ~hostMask(prefixLength) & 0xFFFF_FFFFL) == network;
    }

    @Override
    public String toString() {
        return Ipv4Literal.format(network) + "/" + prefixLength;
    }

    private static long hostMask(int prefixLength) {
        return (1L << (32 - prefixLength)) - 1;
    }
}
