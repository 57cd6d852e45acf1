package io.ztix.portal.requests;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** An ASN as a member may type or post it: {@code 64500} or {@code AS64500}, 1 to 4294967295. */
final class Asns {

    private static final Pattern ASN = Pattern.compile("(?:AS)?([0-9]{1,10})");

    private Asns() {
    }

    static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        var m = ASN.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long asn = Long.parseLong(m.group(1));
        return asn >= 1 && asn <= 4_294_967_295L ? OptionalLong.of(asn) : OptionalLong.empty();
    }
}
