package io.ztix.addressing;

import java.util.Arrays;

/** An IPv6 peering LAN: always a /64, held as its upper four hextets. */
public final class Ipv6Lan {

    private final int[] prefixHextets;

    private Ipv6Lan(int[] prefixHextets) {
        this.prefixHextets = Arrays.copyOf(prefixHextets, 4);
    }

    /** Parses {@code 2001:db8:ff::/64}; any other length, or set interface bits, is an error. */
    public static Ipv6Lan parse(String cidr) {
        if (cidr == null || cidr.isBlank()) {
            throw new IllegalArgumentException("IPv6 peering LAN is empty; expected a /64 such as 2001:db8:ff::/64");
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("IPv6 peering LAN '" + cidr + "' has no prefix length; expected a /64 "
                    + "such as 2001:db8:ff::/64");
        }
        if (!cidr.substring(slash + 1).equals("64")) {
            throw new IllegalArgumentException("IPv6 peering LAN '" + cidr + "' must be a /64 (member addresses use "
                    + "the whole interface identifier)");
        }
        int[] hextets = Ipv6Literal.parse(cidr.substring(0, slash));
        Ipv6Lan lan = new Ipv6Lan(hextets);
        if (!Arrays.equals(hextets, lan.withInterfaceId(0, 0, 0, 0))) {
            throw new IllegalArgumentException("IPv6 peering LAN '" + cidr + "' has interface bits set; did you mean "
                    + lan + "?");
        }
        return lan;
    }

    /** The address (eight hextets) with this prefix and the given lower four hextets. */
    public int[] withInterfaceId(int h5, int h6, int h7, int h8) {
        return new int[] {prefixHextets[0], prefixHextets[1], prefixHextets[2], prefixHextets[3], h5, h6, h7, h8};
    }

    /** True when the address (eight hextets) lies inside this /64. */
    public boolean contains(int[] hextets) {
        return Arrays.equals(prefixHextets, Arrays.copyOf(hextets, 4));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ipv6Lan lan && Arrays.equals(prefixHextets, lan.prefixHextets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefixHextets);
    }

    /** Canonical CIDR text, e.g. {@code 2001:db8:ff::/64}. */
    @Override
    public String toString() {
        return Ipv6Literal.format(withInterfaceId(0, 0, 0, 0)) + "/64";
    }
}
