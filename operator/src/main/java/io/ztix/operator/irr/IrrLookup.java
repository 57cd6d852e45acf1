package io.ztix.operator.irr;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Expands one member's IRR objects into {@link IrrLists}: the origin ASNs, then the IPv4 and IPv6 prefixes, three
 * bgpq4 runs against one server. A set the IRR does not know gives no ASNs (bgpq4 1.9 reports a missing key on no
 * channel but the empty answer), and an empty answer is never taken for a real one: it fails the lookup.
 */
public final class IrrLookup {

    private final Bgpq4 bgpq4;
    private final Clock clock;

    public IrrLookup(Bgpq4 bgpq4, Clock clock) {
        this.bgpq4 = bgpq4;
        this.clock = clock;
    }

    public IrrLists lookUp(IrrServer server, List<String> objects) throws IrrLookupException {
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("nothing to look up");
        }
        List<Long> asns = bgpq4.originAsns(server, objects);
        if (asns.isEmpty()) {
            throw new IrrLookupException(String.join(" ", objects) + " gave no origin ASN from " + server.hostAndPort()
                    + (server.sources().isEmpty() ? "" : " (sources " + String.join(",", server.sources()) + ")")
                    + ": the AS-SET is unknown there, or empty");
        }
        List<IrrPrefix> ipv4 = bgpq4.prefixes(server, objects, false);
        List<IrrPrefix> ipv6 = bgpq4.prefixes(server, objects, true);
        return new IrrLists(objects, asns, ipv4, ipv6, Instant.now(clock));
    }
}
