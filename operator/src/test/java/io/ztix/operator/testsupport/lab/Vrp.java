package io.ztix.operator.testsupport.lab;

import java.util.Objects;

/** A validated ROA payload: {@code prefix} may be originated by {@code asn} up to {@code maxLength}. */
public record Vrp(String prefix, int maxLength, long asn) {

    public Vrp {
        Objects.requireNonNull(prefix, "prefix");
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("VRP prefix needs a length: " + prefix);
        }
        int length = Integer.parseInt(prefix.substring(slash + 1));
        int max = prefix.contains(":") ? 128 : 32;
        if (length > maxLength || maxLength > max) {
            throw new IllegalArgumentException("VRP max length " + maxLength + " must be in " + length + ".." + max);
        }
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ASN out of range: " + asn);
        }
    }

    /** How BIRD prints it in a ROA table: {@code 198.51.100.0/24-24 AS64501}. */
    public String asBirdRoaEntry() {
        return prefix + "-" + maxLength + " AS" + asn;
    }

    String toJson() {
        return "{\"prefix\":\"" + prefix + "\",\"maxLength\":" + maxLength + ",\"asn\":\"AS" + asn
                + "\",\"ta\":\"ztix-lab\"}";
    }
}
