package io.ztix.operator.irr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AS-SET text of a member (PeeringDB's free-text {@code irr_as_set}, or {@code spec.asSet} set by an
 * admin) into the IRR objects bgpq4 is asked to expand. The text is hostile: only the forms real PeeringDB records
 * hold are accepted, everything else is refused with a message saying which part is wrong, so that nothing but a
 * plain object name ever reaches bgpq4's argument list (never a shell).
 *
 * <p>Accepted, separated by spaces and/or commas, at most {@link #MAX_OBJECTS}:
 * <ul>
 *   <li>an AS-SET name: {@code AS-FOO}, hierarchical {@code AS65000:AS-CUSTOMERS} (RFC 2622 section 5);</li>
 *   <li>one with its IRR source in front ({@code RIPE::AS-FOO}, as bgpq4 and IRRd write it) or behind
 *       ({@code AS-FOO@RIPE}, as many PeeringDB records do): both become {@code RIPE::AS-FOO};</li>
 *   <li>an ASN: {@code AS65000} (or a bare {@code 65000}), optionally with a source.</li>
 * </ul>
 * Names are upper-cased (IRR names are case-insensitive) and duplicates dropped. Empty text is not an error: the
 * caller falls back to the member's own ASN.
 */
public final class AsSetText {

    /** More objects than this in one record is not a real member's AS-SET. */
    public static final int MAX_OBJECTS = 10;

    /** Longer text is refused before it is looked at (the CRD allows 1024 characters). */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final String SET_NAME = "AS-[A-Z0-9][A-Z0-9_-]{0,62}";
    private static final String ASN = "AS[0-9]{1,10}";
    private static final Pattern HIERARCHICAL_COMPONENT = Pattern.compile(SET_NAME + "|" + ASN);
    private static final Pattern BARE_ASN = Pattern.compile("[0-9]{1,10}");
    private static final Pattern PREFIXED = Pattern.compile("([^:@]+)::(.+)");
    private static final Pattern SUFFIXED = Pattern.compile("([^:@]+(?::[^:@]+)*)@([^:@]+)");

    private AsSetText() {
    }

    /** The objects to expand, or why the text is refused. */
    public sealed interface Reading permits Objects, Refused {
    }

    /**
     * The objects bgpq4 gets as arguments, in the order the text names them; empty when the text is empty.
     *
     * @param objects {@code AS-FOO}, {@code RIPE::AS-FOO}, {@code AS65000:AS-CUSTOMERS} or {@code AS65000}
     */
    public record Objects(List<String> objects) implements Reading {
        public Objects {
            objects = List.copyOf(objects);
        }
    }

    /** @param message for the member's status: what is wrong, quoting the offending part */
    public record Refused(String message) implements Reading {
    }

    /** Reads {@code text}; null or blank gives no objects. */
    public static Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Objects(List.of());
        }
        if (text.length() > MAX_LENGTH) {
            return new Refused("the AS-SET text is " + text.length() + " characters long; at most " + MAX_LENGTH
                    + " are accepted");
        }
        Set<String> objects = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(text)) {
            if (token.isEmpty()) {
                continue; // before a leading separator
            }
            Optional<String> object = object(token.toUpperCase(Locale.ROOT));
            if (object.isEmpty()) {
                return new Refused("'" + printable(token) + "' in the AS-SET text is not an AS-SET name (AS-FOO, "
                        + "RIPE::AS-FOO, AS-FOO@RIPE, AS65000:AS-FOO) or an ASN (AS65000); several are separated by "
                        + "spaces or commas");
            }
            objects.add(object.get());
        }
        if (objects.size() > MAX_OBJECTS) {
            return new Refused("the AS-SET text names " + objects.size() + " objects; at most " + MAX_OBJECTS
                    + " are accepted");
        }
        return new Objects(new ArrayList<>(objects));
    }

    /** The objects of {@code text}, or the member's own ASN when the text names none. */
    public static Reading readOrAsn(String text, long asn) {
        Reading reading = read(text);
        if (reading instanceof Objects found && found.objects().isEmpty()) {
            return new Objects(List.of("AS" + asn));
        }
        return reading;
    }

    private static Optional<String> object(String token) {
        Matcher prefixed = PREFIXED.matcher(token);
        if (prefixed.matches()) {
            return sourced(prefixed.group(1), prefixed.group(2));
        }
        Matcher suffixed = SUFFIXED.matcher(token);
        if (suffixed.matches()) {
            return sourced(suffixed.group(2), suffixed.group(1));
        }
        return name(token);
    }

    private static Optional<String> sourced(String source, String name) {
        if (!IrrServer.SOURCE.matcher(source).matches()) {
            return Optional.empty();
        }
        return name(name).map(n -> source + "::" + n);
    }

    /** An AS-SET name (possibly hierarchical, with at least one AS-... component) or an ASN, in canonical form. */
    private static Optional<String> name(String text) {
        if (BARE_ASN.matcher(text).matches()) {
            return asn(text);
        }
        if (text.matches(ASN)) {
            return asn(text.substring(2));
        }
        String[] components = text.split(":", -1);
        boolean hasSet = false;
        for (String component : components) {
            if (!HIERARCHICAL_COMPONENT.matcher(component).matches()) {
                return Optional.empty();
            }
            if (component.startsWith("AS-")) {
                hasSet = true;
            } else if (asn(component.substring(2)).isEmpty()) {
                return Optional.empty();
            }
        }
        return hasSet && components.length <= 5 ? Optional.of(text) : Optional.empty();
    }

    private static Optional<String> asn(String digits) {
        long value = Long.parseLong(digits);
        return value >= 1 && value <= 4294967294L ? Optional.of("AS" + value) : Optional.empty();
    }

    private static String printable(String token) {
        String cut = token.length() > 70 ? token.substring(0, 70) + "..." : token;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == '\'') {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
