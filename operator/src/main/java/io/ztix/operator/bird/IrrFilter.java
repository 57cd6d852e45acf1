package io.ztix.operator.bird;

import io.ztix.operator.irr.IrrPrefix;
import java.util.List;

/**
 * The IRR lists one member's import filter checks routes against (see {@code irr.txt}): a route whose origin is not
 * among {@code origins} gets {@code RS:1101:10}, one whose prefix no entry of its family covers (with the "or more
 * specific up to the length limit" ranges the entries carry) gets {@code RS:1101:9}.
 *
 * @param origins the AS-SET's origin ASNs; ones no route can originate (0, AS_TRANS, 65535, beyond 32 bits) are
 *                dropped, so hostile IRR data cannot break the route server's configuration; when none is left every
 *                route gets the origin reason
 * @param ipv4    IPv4 entries; empty when the IRR has no route object for the member: every IPv4 route is then
 *                unregistered
 * @param ipv6    IPv6 entries, likewise
 */
public record IrrFilter(List<Long> origins, List<IrrPrefix> ipv4, List<IrrPrefix> ipv6) {

    public IrrFilter {
        origins = origins.stream().filter(IrrFilter::usable).distinct().sorted().toList();
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
        if (ipv4.stream().anyMatch(IrrPrefix::ipv6) || ipv6.stream().anyMatch(p -> !p.ipv6())) {
            throw new IllegalArgumentException("an IRR prefix is in the list of the other address family");
        }
    }

    private static boolean usable(Long asn) {
        try {
            Asns.sessionAsn(asn, "IRR origin");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The entries of one family ({@code "v4"} or {@code "v6"}). */
    List<IrrPrefix> entries(String familySuffix) {
        return familySuffix.equals("v6") ? ipv6 : ipv4;
    }

    /** For the comment above the member's IRR check. */
    String summary(String familySuffix) {
        return origins.size() + " origin ASN" + (origins.size() == 1 ? "" : "s") + ", " + entries(familySuffix).size()
                + " prefix entr" + (entries(familySuffix).size() == 1 ? "y" : "ies");
    }

    /** BIRD set elements, eight per line. */
    static String setElements(List<String> elements) {
        StringBuilder out = new StringBuilder(elements.size() * 24);
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(i % 8 == 0 ? ",\n    " : ", ");
            }
            out.append(elements.get(i));
        }
        return out.toString();
    }
}
