package io.ztix.operator.zerotier;

/**
 * A managed route of a ZeroTier network.
 *
 * @param target CIDR, e.g. {@code 2001:db8:ff::/64}
 * @param via    gateway address, or null for an on-link route (how a peering LAN gets its netmask)
 */
public record Route(String target, String via) {

    public static Route onLink(String target) {
        return new Route(target, null);
    }
}
