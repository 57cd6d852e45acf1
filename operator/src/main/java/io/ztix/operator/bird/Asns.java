package io.ztix.operator.bird;

/** Validation of AS numbers that may own a BGP session. */
final class Asns {

    static final long AS_TRANS = 23456;
    static final long MAX_USABLE = 4294967294L;

    private Asns() {
    }

    /** Returns {@code asn} when it can own a BGP session, else throws naming {@code what}. */
    static long sessionAsn(long asn, String what) {
        if (asn < 1 || asn > MAX_USABLE) {
            throw new IllegalArgumentException(what + " " + asn + " is invalid: must be between 1 and " + MAX_USABLE);
        }
        if (asn == AS_TRANS || asn == 65535) {
            throw new IllegalArgumentException(what + " " + asn + " is invalid: reserved ASN");
        }
        return asn;
    }
}
