package io.ztix.operator.bird;

/**
 * One approved member of the exchange, as the route server sees it. The renderer creates one BGP
 * session per address family the member has an address for.
 *
 * <p>Text fields come from PeeringDB or from the member and are untrusted: the renderer only ever
 * writes them into comments and {@code description} strings, reduced to a small safe character set
 * (see {@link BirdText}). Addresses, ASN and node ID are validated and rejected with an
 * {@link IllegalArgumentException} when malformed.
 *
 * @param joinRequestName name of the JoinRequest resource (comment only)
 * @param asn             the member's ASN (1..4294967294, not 23456); it must be the first AS of
 *                        every route the member announces
 * @param networkName     the network's name from PeeringDB, may be null (comment/description only)
 * @param asSet           the network's IRR AS-SET(s) from PeeringDB ({@code irr_as_set}) or the admin's, may be
 *                        null; named in the comment of the IRR hook
 * @param nodeId          ZeroTier node ID, 10 lower-case hex digits (part of the protocol names)
 * @param ipv6            the member's IPv6 address on the peering LAN (required)
 * @param ipv4            the member's IPv4 address on the peering LAN, null when it has none
 * @param maxPrefixes4    final IPv4 max-prefix limit (head-room already added), null for
 *                        {@link #DEFAULT_MAX_PREFIXES_V4}
 * @param maxPrefixes6    final IPv6 max-prefix limit (head-room already added), null for
 *                        {@link #DEFAULT_MAX_PREFIXES_V6}
 * @param irr             the IRR lists the import filter checks routes against; null where the route server does not
 *                        filter by IRR (routes are tagged "IRR not checked")
 * @param acceptsBlackholes whether the member asked to receive RFC 7999 blackhole routes (its own choice); where the
 *                        route server accepts blackholing, its export filter drops them otherwise
 */
public record Member(
        String joinRequestName,
        long asn,
        String networkName,
        String asSet,
        String nodeId,
        String ipv6,
        String ipv4,
        Long maxPrefixes4,
        Long maxPrefixes6,
        IrrFilter irr,
        boolean acceptsBlackholes) {

    /** IPv4 limit when neither the JoinRequest nor PeeringDB gives one. */
    public static final long DEFAULT_MAX_PREFIXES_V4 = 100;

    /** IPv6 limit when neither the JoinRequest nor PeeringDB gives one. */
    public static final long DEFAULT_MAX_PREFIXES_V6 = 50;

    /** A member whose routes are not checked against IRR lists. */
    public Member(String joinRequestName, long asn, String networkName, String asSet, String nodeId, String ipv6,
            String ipv4, Long maxPrefixes4, Long maxPrefixes6) {
        this(joinRequestName, asn, networkName, asSet, nodeId, ipv6, ipv4, maxPrefixes4, maxPrefixes6, null, false);
    }

    /** The same member checked against {@code lists} (null: not checked). */
    public Member withIrr(IrrFilter lists) {
        return new Member(joinRequestName, asn, networkName, asSet, nodeId, ipv6, ipv4, maxPrefixes4, maxPrefixes6, lists,
                acceptsBlackholes);
    }

    /** The same member, receiving blackhole routes or not. */
    public Member withBlackholes(boolean accepts) {
        return new Member(joinRequestName, asn, networkName, asSet, nodeId, ipv6, ipv4, maxPrefixes4, maxPrefixes6, irr,
                accepts);
    }

    /** The BIRD protocol name of this member's session for one family ("v4" or "v6"). */
    public String protocolName(String family) {
        return "m_as" + asn + "_" + nodeId + "_" + family;
    }

    public long effectiveMaxPrefixes4() {
        return maxPrefixes4 == null ? DEFAULT_MAX_PREFIXES_V4 : maxPrefixes4;
    }

    public long effectiveMaxPrefixes6() {
        return maxPrefixes6 == null ? DEFAULT_MAX_PREFIXES_V6 : maxPrefixes6;
    }
}
