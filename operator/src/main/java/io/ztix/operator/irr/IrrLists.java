package io.ztix.operator.irr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the IRR says a member may announce: the origin ASNs of its AS-SET and the prefixes their route / route6
 * objects cover, per family, each with the lengths accepted ("or more specific up to the route server's limit").
 *
 * @param objects   the objects that were expanded ({@code RIPE::AS-FOO}, {@code AS65000}, ...)
 * @param asns      origin ASNs, ascending, without duplicates
 * @param ipv4      IPv4 entries as bgpq4 aggregated them
 * @param ipv6      IPv6 entries
 * @param fetchedAt when the IRR answered
 */
public record IrrLists(List<String> objects, List<Long> asns, List<IrrPrefix> ipv4, List<IrrPrefix> ipv6, Instant fetchedAt) {

    public IrrLists {
        objects = List.copyOf(objects);
        asns = asns.stream().distinct().sorted().toList();
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (ipv4.stream().anyMatch(IrrPrefix::ipv6) || ipv6.stream().anyMatch(p -> !p.ipv6())) {
            throw new IllegalArgumentException("a prefix is in the list of the other address family");
        }
    }

    /** All prefix entries of both families. */
    public int prefixCount() {
        return ipv4.size() + ipv6.size();
    }

    /** The same lists, fetched at another time (a refresh that found nothing new). */
    public boolean sameContent(IrrLists other) {
        return other != null && objects.equals(other.objects) && asns.equals(other.asns) && ipv4.equals(other.ipv4)
                && ipv6.equals(other.ipv6);
    }
}
