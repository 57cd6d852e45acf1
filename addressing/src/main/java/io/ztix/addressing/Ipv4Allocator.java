package io.ztix.addressing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out IPv4 host addresses of a peering LAN in order, never twice: the caller keeps the last
 * offset used (in the ZtNetwork status) and passes it back. The network and broadcast addresses are
 * never handed out, nor are reserved addresses (the route servers' own).
 */
public final class Ipv4Allocator {

    private Ipv4Allocator() {
    }

    /**
     * The next never-used host address after {@code lastOffsetUsed} (0 or null: none used yet) that is
     * not reserved, and its offset, which becomes the new counter.
     *
     * @param reserved addresses never to hand out; ones outside the LAN are irrelevant and ignored
     * @throws AddressSpaceExhaustedException when no host address is left
     */
    public static Allocation next(Ipv4Lan lan, Long lastOffsetUsed, Collection<String> reserved) {
        long last = lastOffsetUsed == null ? 0 : lastOffsetUsed;
        if (last < 0) {
            throw new IllegalArgumentException("last IPv4 offset used is negative: " + last);
        }
        Set<Long> taken = new HashSet<>();
        for (String address : reserved) {
            taken.add(Ipv4Literal.parse(address));
        }
        for (long offset = last + 1; offset <= lan.hostCount(); offset++) {
            long candidate = lan.hostAt(offset);
            if (!taken.contains(candidate)) {
                return new Allocation(Ipv4Literal.format(candidate), offset);
            }
        }
        throw new AddressSpaceExhaustedException("IPv4 peering LAN " + lan + " has no never-used host address left ("
                + lan.hostCount() + " hosts, last offset used " + last + ", " + reserved.size()
                + " reserved); addresses are never reused, so a larger LAN is needed");
    }

    /** An address handed out and the offset to store as the new counter. */
    public record Allocation(String address, long offset) {
    }
}
