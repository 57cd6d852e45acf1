package io.ztix.operator.testsupport.lab;

/**
 * A router on the lab's peering LAN: its role (namespace suffix), ASN and addresses. The addresses
 * come from documentation prefixes and exist only inside the lab's namespaces.
 */
public record LanPeer(String role, long asn, String ipv4, String ipv6) {

    public static final String LAN_V4_PREFIX = "203.0.113.0/24";
    public static final String LAN_V6_PREFIX = "2001:db8:ff::/64";

    public static final LanPeer ROUTE_SERVER = new LanPeer("rs", 64500, "203.0.113.1", "2001:db8:ff::1");
    /** The second route server of {@link IxLab#startWithTwoRouteServers()}; the members do not peer with it. */
    public static final LanPeer ROUTE_SERVER_2 = new LanPeer("rs2", 64500, "203.0.113.2", "2001:db8:ff::2");
    public static final LanPeer MEMBER_A = new LanPeer("a", 64501, "203.0.113.11", "2001:db8:ff:0:6:4501:0:1");
    public static final LanPeer MEMBER_B = new LanPeer("b", 64502, "203.0.113.12", "2001:db8:ff:0:6:4502:0:1");

    /** BIRD's router id: the IPv4 address. */
    public String routerId() {
        return ipv4;
    }

    String ipv4Cidr() {
        return ipv4 + "/24";
    }

    String ipv6Cidr() {
        return ipv6 + "/64";
    }
}
