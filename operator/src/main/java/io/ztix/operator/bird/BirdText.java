package io.ztix.operator.bird;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes untrusted text (PeeringDB names, AS-SETs, resource names) harmless inside a BIRD
 * configuration. The result only ever contains letters, digits, spaces and {@code . , _ - ( ) + & / : @ ! ?},
 * so it can neither end a {@code description "..."} string, nor a {@code #} comment line, nor open or
 * close a block, nor end a statement.
 */
public final class BirdText {

    /** Longest text kept from a name; longer names are cut and end in "...". */
    public static final int MAX_LENGTH = 64;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern AS_SET_TOKEN = Pattern.compile("[A-Z0-9][A-Z0-9:_@.-]{0,99}");
    private static final Pattern AS_SET_SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final int MAX_AS_SETS = 10;

    private BirdText() {
    }

    /**
     * A safe, single-line rendering of {@code text}: accents are dropped ("Ñ" becomes "N"), every other
     * character outside the safe set becomes a space, runs of spaces collapse, and the result is at most
     * {@link #MAX_LENGTH} characters. Null gives "".
     */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        String input = text.length() > 4 * MAX_LENGTH ? text.substring(0, 4 * MAX_LENGTH) : text;
        String plain = isAscii(input) ? input
                : COMBINING_MARKS.matcher(Normalizer.normalize(input, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder(plain.length());
        boolean lastWasSpace = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (isSafe(c)) {
                out.append(c);
                lastWasSpace = false;
            } else if (!lastWasSpace) {
                out.append(' ');
                lastWasSpace = true;
            }
        }
        String result = out.toString().strip();
        if (result.length() > MAX_LENGTH) {
            result = result.substring(0, MAX_LENGTH - 3).strip() + "...";
        }
        return result;
    }

    /**
     * The well-formed AS-SET names in PeeringDB's free-text {@code irr_as_set} (e.g. "RIPE::AS-EXAMPLE
     * AS-OTHER@ARIN"), upper-cased, deduplicated, at most 10; malformed tokens are dropped.
     */
    public static List<String> asSets(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String token : AS_SET_SEPARATORS.split(text.toUpperCase(Locale.ROOT))) {
            if (names.size() < MAX_AS_SETS && AS_SET_TOKEN.matcher(token).matches()) {
                names.add(token);
            }
        }
        return new ArrayList<>(names);
    }

    /** For error messages: the text cut to 80 characters with control characters escaped. */
    static String quoteForMessage(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder("'");
        cut.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('\'').toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ".,_-()+&/:@!?".indexOf(c) >= 0;
    }
}
