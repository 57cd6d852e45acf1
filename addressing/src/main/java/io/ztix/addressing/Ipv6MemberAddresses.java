package io.ztix.addressing;

import java.util.Optional;

/**
 * Member IPv6 addresses in a /64 peering LAN, derived from the member's ASN and a per-ASN sequence
 * number so that a reader can see the ASN in the address.
 *
 * <p><b>ASN 1..999999</b> ("short"): the ASN's decimal digits, left-padded to 6, are split 2+4 and written
 * as hextets 5 and 6 "digits as hex" (the hex digits are the decimal digits); hextet 7 is 0; hextet 8 is
 * the sequence number's decimal digits written the same way. ASN 64501, sequence 1, LAN
 * {@code 2001:db8:ff::/64} gives {@code 2001:db8:ff:0:6:4501:0:1}; ASN 999999, sequence 9999 gives
 * {@code 2001:db8:ff:0:99:9999:0:9999}.
 *
 * <p><b>ASN 1000000..4294967294</b> ("long"): the ASN's decimal digits, left-padded to 10, are written
 * as hextet 5 = {@code a} followed by digits 1..3, hextet 6 = digits 4..7 and hextet 7 = {@code 0}
 * followed by digits 8..10; hextet 8 is the sequence as above. ASN 4294967294, sequence 1 gives
 * {@code 2001:db8:ff:0:a429:4967:294:1}.
 *
 * <p><b>Why this never collides.</b> A short ASN's hextet 5 is at most {@code 0x0099}; a long ASN's hextet
 * 5 is at least {@code 0xa000}, so the two spaces are disjoint. Inside each space every digit of the ASN
 * and of the sequence has its own nibble, so different (ASN, sequence) pairs differ in some nibble.
 * {@link #decode} inverts {@link #address} exactly, which the tests use to prove it. Hextet 8 is never 0
 * (the sequence starts at 1), so no member gets the subnet-router anycast address.
 *
 * <p>Sequence numbers run from 1 to {@value #MAX_SEQUENCE} per ASN and are never reused.
 */
public final class Ipv6MemberAddresses {

    public static final long MIN_ASN = 1;
    /** 4294967295 is reserved (RFC 7300). */
    public static final long MAX_ASN = 4_294_967_294L;
    public static final long LARGEST_SHORT_ASN = 999_999;
    public static final int MAX_SEQUENCE = 9999;

    private static final int LONG_ASN_MARKER = 0xa000;

    private Ipv6MemberAddresses() {
    }

    /** The member address (RFC 5952 text) for this ASN and sequence number inside the LAN. */
    public static String address(Ipv6Lan lan, long asn, int sequence) {
        requireAsn(asn);
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence number " + sequence + " is outside 1.." + MAX_SEQUENCE);
        }
        int h8 = digitsAsHex(sequence);
        if (asn <= LARGEST_SHORT_ASN) {
            String digits = String.format("%06d", asn);
            return Ipv6Literal.format(lan.withInterfaceId(digitsAsHex(digits.substring(0, 2)),
                    digitsAsHex(digits.substring(2, 6)), 0, h8));
        }
        String digits = String.format("%010d", asn);
        return Ipv6Literal.format(lan.withInterfaceId(LONG_ASN_MARKER | digitsAsHex(digits.substring(0, 3)),
                digitsAsHex(digits.substring(3, 7)), digitsAsHex(digits.substring(7, 10)), h8));
    }

    /**
     * The sequence number to hand out after {@code lastUsed} (null or 0: none handed out yet).
     *
     * @throws AddressSpaceExhaustedException when {@value #MAX_SEQUENCE} numbers have been used for this ASN
     */
    public static int nextSequence(long asn, Long lastUsed) {
        long last = lastUsed == null ? 0 : lastUsed;
        if (last < 0) {
            throw new IllegalArgumentException("last sequence number of AS" + asn + " is negative: " + last);
        }
        if (last >= MAX_SEQUENCE) {
            throw new AddressSpaceExhaustedException("AS" + asn + " has used all " + MAX_SEQUENCE
                    + " IPv6 sequence numbers of this peering LAN; numbers are never reused");
        }
        return (int) last + 1;
    }

    /** The ASN and sequence number an address of this scheme encodes; empty for any other address. */
    public static Optional<AsnAndSequence> decode(Ipv6Lan lan, String address) {
        int[] h = Ipv6Literal.parse(address);
        if (!lan.contains(h) || !allDecimal(h[5]) || !allDecimal(h[7])) {
            return Optional.empty();
        }
        int sequence = Integer.parseInt(Integer.toHexString(h[7]));
        if (sequence < 1) {
            return Optional.empty();
        }
        long asn;
        if ((h[4] & 0xf000) == LONG_ASN_MARKER && allDecimal(h[4] & 0x0fff) && h[6] <= 0x0fff) {
            asn = Long.parseLong(String.format("%03x%04x%03x", h[4] & 0x0fff, h[5], h[6]));
            if (asn <= LARGEST_SHORT_ASN || asn > MAX_ASN || !allDecimal(h[6])) {
                return Optional.empty();
            }
        } else if (h[4] <= 0x0099 && allDecimal(h[4]) && h[6] == 0) {
            asn = Long.parseLong(String.format("%02x%04x", h[4], h[5]));
            if (asn < MIN_ASN) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new AsnAndSequence(asn, sequence));
    }

    public static void requireAsn(long asn) {
        if (asn < MIN_ASN || asn > MAX_ASN) {
            throw new IllegalArgumentException("ASN " + asn + " is outside " + MIN_ASN + ".." + MAX_ASN);
        }
    }

    private static int digitsAsHex(int decimal) {
        return digitsAsHex(Integer.toString(decimal));
    }

    private static int digitsAsHex(String decimalDigits) {
        return Integer.parseInt(decimalDigits, 16);
    }

    private static boolean allDecimal(int hextet) {
        for (int shift = 0; shift < 16; shift += 4) {
            if (((hextet >> shift) & 0xf) > 9) {
                return false;
            }
        }
        return true;
    }

    /** What a member address encodes. */
    public record AsnAndSequence(long asn, int sequence) {
    }
}
