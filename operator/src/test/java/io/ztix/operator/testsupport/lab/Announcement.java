package io.ztix.operator.testsupport.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A prefix a member router announces to the route server, with the BGP attributes its export
 * filter sets: ASNs that follow the member's own ASN in the announced path ({@code prepend}; BIRD
 * puts the member's ASN first when it exports over eBGP), communities
 * ({@code 64501:100}), large communities ({@code 64500:0:64502}) and optionally an explicit — e.g.
 * wrong — next hop ({@code ""} keeps BIRD's default, the member's own address).
 */
public record Announcement(
        String prefix,
        List<Long> prepend,
        List<String> communities,
        List<String> largeCommunities,
        String nextHop) {

    private static final Pattern IPV4_PREFIX = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern IPV6_PREFIX = Pattern.compile("[0-9a-fA-F:]+/\\d{1,3}");
    private static final Pattern COMMUNITY = Pattern.compile("(\\d{1,5}):(\\d{1,5})");
    private static final Pattern LARGE_COMMUNITY = Pattern.compile("(\\d{1,10}):(\\d{1,10}):(\\d{1,10})");

    public Announcement {
        Objects.requireNonNull(prefix, "prefix");
        if (!IPV4_PREFIX.matcher(prefix).matches() && !(prefix.contains(":") && IPV6_PREFIX.matcher(prefix).matches())) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 prefix in CIDR notation: " + prefix);
        }
        prepend = List.copyOf(prepend);
        for (long asn : prepend) {
            requireUnsigned32("ASN", asn);
        }
        communities = List.copyOf(communities);
        communities.forEach(c -> requireCommunity(COMMUNITY, 0xFFFFL, "community", c));
        largeCommunities = List.copyOf(largeCommunities);
        largeCommunities.forEach(c -> requireCommunity(LARGE_COMMUNITY, 0xFFFF_FFFFL, "large community", c));
        Objects.requireNonNull(nextHop, "nextHop");
        if (!nextHop.isEmpty() && nextHop.contains(":") != prefix.contains(":")) {
            throw new IllegalArgumentException("next hop " + nextHop + " is not of the family of " + prefix);
        }
    }

    /** Announces {@code prefix} with no extra attributes. */
    public static Announcement of(String prefix) {
        return new Announcement(prefix, List.of(), List.of(), List.of(), "");
    }

    public Announcement withPrepend(long... asns) {
        List<Long> path = new ArrayList<>(prepend);
        for (long asn : asns) {
            path.add(asn);
        }
        return new Announcement(prefix, path, communities, largeCommunities, nextHop);
    }

    public Announcement withCommunities(String... added) {
        return new Announcement(prefix, prepend, concat(communities, added), largeCommunities, nextHop);
    }

    public Announcement withLargeCommunities(String... added) {
        return new Announcement(prefix, prepend, communities, concat(largeCommunities, added), nextHop);
    }

    public Announcement withNextHop(String address) {
        return new Announcement(prefix, prepend, communities, largeCommunities, address);
    }

    public boolean isIpv6() {
        return prefix.contains(":");
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    private static void requireCommunity(Pattern pattern, long max, String kind, String value) {
        var matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a " + kind + " like " + pattern + ": " + value);
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (Long.parseLong(matcher.group(group)) > max) {
                throw new IllegalArgumentException(kind + " part out of range in " + value);
            }
        }
    }

    private static void requireUnsigned32(String what, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " out of range: " + value);
        }
    }
}
