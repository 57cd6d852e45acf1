package io.ztix.api.routeserver;

import java.util.Optional;

/**
 * The large communities {@code (RS, function, value)} a ZT-IX route server puts on member routes, in the numbering
 * looking glasses and members already know (Euro-IX route-server workshop 2017, IXP Manager, Alice-LG's
 * {@code rejection_reasons}): {@code RS:1101:n} on routes kept as filtered — the reject reason — and
 * {@code RS:1000:n} (RPKI), {@code RS:1001:n} (IRR), {@code RS:1002:n} (ASPA) as information on accepted routes.
 *
 * <p>This is the one table: the BIRD templates name the constants ({@code {communities.PREFIX_TOO_LONG}}), the
 * looking glass reads reasons back with {@link #of(long, long)}, the portal has one message per constant
 * ({@code community_<name>} in every language) and {@code operator/src/main/resources/bird/README.md} lists them;
 * tests check each of these against this enum. Numbers above 15 (and the {@code 1002} family) are ZT-IX's own:
 * they stay stable once published. Constants whose {@link #rendered()} is false are standard numbers ZT-IX does not
 * set (yet) but recognises on routes, e.g. when a looking glass shows them.
 */
public enum RouteServerCommunity {

    PREFIX_TOO_LONG(Kind.FILTERED, 1101, 1, true, "prefix length too long"),
    PREFIX_TOO_SHORT(Kind.FILTERED, 1101, 2, true, "prefix length too short"),
    BOGON_PREFIX(Kind.FILTERED, 1101, 3, true, "bogon prefix (special-purpose or unallocated address space)"),
    BOGON_ASN(Kind.FILTERED, 1101, 4, true, "reserved or private ASN in the AS path"),
    AS_PATH_TOO_LONG(Kind.FILTERED, 1101, 5, true, "AS path too long"),
    AS_PATH_EMPTY(Kind.FILTERED, 1101, 6, true, "AS path empty"),
    FIRST_AS_NOT_PEER(Kind.FILTERED, 1101, 7, true, "first AS in the path is not the member's ASN"),
    NEXT_HOP_NOT_PEER(Kind.FILTERED, 1101, 8, true, "NEXT_HOP is not the member's own peering address"),
    IRR_PREFIX_NOT_REGISTERED(Kind.FILTERED, 1101, 9, true, "IRR: prefix not covered by the AS-SET's route objects"),
    IRR_ORIGIN_NOT_IN_AS_SET(Kind.FILTERED, 1101, 10, true, "IRR: origin AS not in the member's AS-SET"),
    PREFIX_NOT_REGISTERED_FOR_ORIGIN(Kind.FILTERED, 1101, 11, false, "prefix not registered for the origin AS"),
    RPKI_UNKNOWN(Kind.FILTERED, 1101, 12, false, "RPKI unknown (only where unknown routes are filtered)"),
    RPKI_INVALID(Kind.FILTERED, 1101, 13, true, "RPKI invalid: a ROA covers the prefix but not for this origin or length"),
    TRANSIT_FREE_ASN(Kind.FILTERED, 1101, 14, true, "transit-free ASN in the path behind the member (a route leak)"),
    TOO_MANY_COMMUNITIES(Kind.FILTERED, 1101, 15, false, "too many communities"),
    ASPA_INVALID(Kind.FILTERED, 1101, 16, true, "ASPA path verification failed (a provider the customer's ASPA does not list)"),
    ROUTE_SERVER_ASN_IN_PATH(Kind.FILTERED, 1101, 17, true, "the route server's own ASN is in the AS path (a loop)"),
    BLACKHOLE_NOT_ACCEPTED(Kind.FILTERED, 1101, 18, true,
            "BLACKHOLE (65535:666) not accepted: blackholing is off here or the member's IRR lists are not checked"),

    RPKI_VALID_INFO(Kind.INFORMATION, 1000, 1, true, "RPKI valid"),
    RPKI_UNKNOWN_INFO(Kind.INFORMATION, 1000, 2, true, "RPKI unknown (no ROA covers the prefix)"),
    RPKI_NOT_CHECKED_INFO(Kind.INFORMATION, 1000, 3, false, "RPKI not checked"),
    IRR_VALID_INFO(Kind.INFORMATION, 1001, 1, true, "IRR valid: origin in the AS-SET, prefix covered by its route objects"),
    IRR_NOT_CHECKED_INFO(Kind.INFORMATION, 1001, 2, true, "IRR not checked (this route server does not filter by IRR)"),
    IRR_MORE_SPECIFIC_INFO(Kind.INFORMATION, 1001, 3, false, "IRR: more specific of a registered prefix"),
    IRR_ROA_AS_ROUTE_OBJECT_INFO(Kind.INFORMATION, 1001, 16, true,
            "IRR: no route object covers the prefix, a ROA for its origin does (ROAs used as route objects)"),
    ASPA_VALID_INFO(Kind.INFORMATION, 1002, 1, true, "ASPA valid"),
    ASPA_UNKNOWN_INFO(Kind.INFORMATION, 1002, 2, true, "ASPA unknown (an AS on the path publishes no ASPA)"),
    ASPA_INVALID_INFO(Kind.INFORMATION, 1002, 3, true, "ASPA invalid, accepted because the policy only tags");

    /** Whether the route is kept as filtered (never exported) or accepted with information. */
    public enum Kind {
        FILTERED,
        INFORMATION
    }

    /** The function number of every reject reason. */
    public static final int FILTERED_FUNCTION = 1101;

    private final Kind kind;
    private final int function;
    private final int value;
    private final boolean rendered;
    private final String meaning;

    RouteServerCommunity(Kind kind, int function, int value, boolean rendered, String meaning) {
        this.kind = kind;
        this.function = function;
        this.value = value;
        this.rendered = rendered;
        this.meaning = meaning;
    }

    public Kind kind() {
        return kind;
    }

    public int function() {
        return function;
    }

    public int value() {
        return value;
    }

    /** Whether ZT-IX's templates set this community (the others are recognised, not set). */
    public boolean rendered() {
        return rendered;
    }

    /** The meaning in English, for documentation and logs (the portal has its own translated messages). */
    public String meaning() {
        return meaning;
    }

    /** As written in the documentation: {@code RS:1101:3}. */
    public String documented() {
        return "RS:" + function + ":" + value;
    }

    /** The portal's message key: {@code community_bogon_prefix}. */
    public String messageKey() {
        return "community_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The community with these numbers (relative to the route server's ASN), if ZT-IX knows it. */
    public static Optional<RouteServerCommunity> of(long function, long value) {
        for (RouteServerCommunity community : values()) {
            if (community.function == function && community.value == value) {
                return Optional.of(community);
            }
        }
        return Optional.empty();
    }
}
