package io.ztix.portal.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Addresses and CIDR blocks (IPv4 and IPv6) of the reverse proxies whose X-Forwarded-For the portal believes. */
public final class TrustedProxies {

    private record Block(byte[] network, int prefixLength) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /**
     * Parses entries such as {@code 10.0.0.0/8}, {@code 192.0.2.7} or {@code fd00::/8}.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or block (host names are
     *         not accepted: they would make trust depend on DNS)
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress parsed = IpLiteral.parse(address).orElseThrow(() -> new IllegalArgumentException(
                    "trusted proxy '" + entry + "' is not an IP address or CIDR block"));
            int max = parsed.getAddress().length * 8;
            int length;
            try {
                length = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' has a bad prefix length");
            }
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' has a bad prefix length");
            }
            blocks.add(new Block(parsed.getAddress(), length));
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(b -> b.contains(bytes));
    }
}
