package io.ztix.portal.i18n;

import io.quarkus.qute.TemplateExtension;

/**
 * Technical tokens (addresses, prefixes, ASNs, node and network IDs, protocol names, timestamps, commands) read
 * left to right in every language. Standalone tokens in templates are {@code <bdi dir="ltr">} elements; a token
 * inside a translated sentence or a line of plain text (also the JSON the live pages poll) is wrapped here in
 * Unicode's LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE, which browsers lay out exactly like such an element.
 * Message templates call it as {@code bidi:ltr('zerotier-cli info')}.
 */
@TemplateExtension(namespace = "bidi")
public final class Bidi {

    static final char LRI = '\u2066';
    static final char PDI = '\u2069';
    static final char FSI = '\u2068';

    private Bidi() {
    }

    /** The token isolated as left-to-right; null stays null. */
    public static String ltr(Object token) {
        return token == null ? null : LRI + token.toString() + PDI;
    }

    /** An ASN as members write it, {@code AS64500}, isolated left-to-right. */
    public static String asn(long asn) {
        return ltr("AS" + asn);
    }

    /** Text of unknown direction (a person's or network's name) isolated, its direction taken from its first letter. */
    public static String auto(Object text) {
        return text == null ? null : FSI + text.toString() + PDI;
    }
}
