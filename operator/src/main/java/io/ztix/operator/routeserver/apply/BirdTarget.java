package io.ztix.operator.routeserver.apply;

import io.ztix.api.routeserver.BirdSpec;
import io.ztix.operator.ssh.ShellQuoting;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where ZT-IX's include file lives on the route server and how BIRD is driven there; mirrors a RouteServer's
 * spec.bird. All file names are validated so they are safe to put on a shell command line.
 */
public record BirdTarget(String configDirectory, String mainConfig, String includeFile, String birdCommand,
        String birdcCommand, String socket, boolean sudo, Duration configureTimeout) {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9._/-]+");

    public BirdTarget {
        ShellQuoting.requireSafePath(configDirectory);
        requireFileName("mainConfig", mainConfig);
        requireFileName("includeFile", includeFile);
        if (mainConfig.equals(includeFile)) {
            throw new IllegalArgumentException("includeFile must differ from mainConfig ('" + mainConfig + "')");
        }
        requireCommand("birdCommand", birdCommand);
        requireCommand("birdcCommand", birdcCommand);
        ShellQuoting.requireSafePath(socket);
        if (configureTimeout == null || configureTimeout.isZero() || configureTimeout.isNegative()) {
            throw new IllegalArgumentException("configureTimeout must be positive, got " + configureTimeout);
        }
    }

    /** Builds a target from a RouteServer's spec.bird, using the API defaults for absent fields. */
    public static BirdTarget from(BirdSpec spec) {
        Objects.requireNonNull(spec, "spec.bird");
        BirdSpec defaults = new BirdSpec();
        return new BirdTarget(
                orDefault(spec.configDirectory, defaults.configDirectory),
                orDefault(spec.mainConfig, defaults.mainConfig),
                orDefault(spec.includeFile, defaults.includeFile),
                orDefault(spec.birdCommand, defaults.birdCommand),
                orDefault(spec.birdcCommand, defaults.birdcCommand),
                orDefault(spec.socket, defaults.socket),
                Boolean.TRUE.equals(spec.sudo),
                Duration.ofSeconds(orDefault(spec.configureTimeoutSeconds, defaults.configureTimeoutSeconds)));
    }

    /** The live include file BIRD reads, e.g. /etc/bird/ztix.conf. */
    public String includePath() {
        return inDirectory(includeFile);
    }

    public String mainConfigPath() {
        return inDirectory(mainConfig);
    }

    /** Where a new include file is uploaded before it is checked and moved into place. */
    public String candidatePath() {
        return inDirectory(includeFile + ".candidate");
    }

    /** The include file as it was before the last swap; restored when applying fails. */
    public String previousPath() {
        return inDirectory(includeFile + ".previous");
    }

    /** Records the sha256 of the include file BIRD confirmed loading. */
    public String appliedMarkerPath() {
        return inDirectory(includeFile + ".applied");
    }

    /** A copy of the main config that includes the candidate instead of the live file, for parse checks. */
    public String checkMainConfigPath() {
        return inDirectory(mainConfig + ".ztix-check");
    }

    private String inDirectory(String name) {
        return configDirectory.endsWith("/") ? configDirectory + name : configDirectory + "/" + name;
    }

    private static void requireFileName(String what, String value) {
        if (value == null || !FILE_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " '" + value + "' must be a plain file name ([A-Za-z0-9._-])");
        }
    }

    private static void requireCommand(String what, String value) {
        if (value == null || !COMMAND.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' may only use [A-Za-z0-9._/-]");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
