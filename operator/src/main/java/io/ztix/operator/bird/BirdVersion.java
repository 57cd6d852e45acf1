package io.ztix.operator.bird;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BIRD release as the route server reports it ({@code birdc show status}: "BIRD 3.1.8"), and what ZT-IX renders
 * for it. Supported: BIRD 2 from 2.0.12 (the oldest release tested) and BIRD 3 from 3.1 (Debian 13's line); BIRD 1,
 * 2.0.0–2.0.11, 3.0 and any later major release are refused, because nothing has been tested on them.
 *
 * <ul>
 * <li>{@link #declaresReturnTypes()}: BIRD 2.14 and 3.x let a function declare its return type
 * ({@code -> bool}) and warn "Inferring function ... return type" where it does not; older releases reject the
 * syntax.</li>
 * <li>{@link #hasAspa()}: BIRD 2.16 and 3.x have ASPA tables, the RTR {@code aspa} channel and
 * {@code aspa_check()}.</li>
 * </ul>
 */
public record BirdVersion(int major, int minor, int patch) implements Comparable<BirdVersion> {

    /** The oldest release each supported line is rendered for (the renderer's default). */
    public static final BirdVersion OLDEST_SUPPORTED = new BirdVersion(2, 0, 12);

    private static final Pattern VERSION = Pattern.compile("^BIRD (?:version )?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,3}))?\\b");
    private static final Comparator<BirdVersion> ORDER = Comparator.comparingInt(BirdVersion::major)
            .thenComparingInt(BirdVersion::minor).thenComparingInt(BirdVersion::patch);

    public BirdVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /**
     * Reads the version from {@code birdc show status} (first lines "BIRD 3.1.8 ready." / "BIRD 3.1.8") or from
     * {@code bird --version} ("BIRD version 2.0.12"); empty when no line carries one.
     */
    public static Optional<BirdVersion> find(String output) {
        if (output == null) {
            return Optional.empty();
        }
        for (String line : output.split("\\R")) {
            Matcher matcher = VERSION.matcher(line.strip());
            if (matcher.find()) {
                return Optional.of(new BirdVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))));
            }
        }
        return Optional.empty();
    }

    /** Parses "3.1.8" (or "2.17"). */
    public static BirdVersion parse(String version) {
        return find("BIRD " + version).orElseThrow(() ->
                new IllegalArgumentException("not a BIRD version: " + BirdText.quoteForMessage(version)));
    }

    /** Why ZT-IX will not configure this release, or empty when it is supported. */
    public Optional<String> unsupportedReason() {
        if (major == 2 && isBefore(OLDEST_SUPPORTED)) {
            return Optional.of("BIRD " + this + " is older than " + OLDEST_SUPPORTED
                    + ", the oldest BIRD 2 ZT-IX is tested with; upgrade to 2.0.12 or later (Debian 13: bird2 2.17 or bird3)");
        }
        if (major == 3 && minor == 0) {
            return Optional.of("BIRD " + this + " is not supported: ZT-IX supports BIRD 3 from 3.1 (Debian 13's bird3); "
                    + "upgrade to 3.1 or later");
        }
        if (major < 2 || major > 3) {
            return Optional.of("BIRD " + this + " is not supported: ZT-IX renders configurations for BIRD 2 (2.0.12 or "
                    + "later) and BIRD 3 (3.1 or later)");
        }
        return Optional.empty();
    }

    public boolean isSupported() {
        return unsupportedReason().isEmpty();
    }

    /** BIRD 2.14+ and 3.x: {@code function f() -> bool}. */
    public boolean declaresReturnTypes() {
        return major >= 3 || major == 2 && minor >= 14;
    }

    /** BIRD 2.16+ and 3.x: ASPA tables, the RTR {@code aspa} channel and {@code aspa_check()}. */
    public boolean hasAspa() {
        return major >= 3 || major == 2 && minor >= 16;
    }

    public boolean isBefore(BirdVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(BirdVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
