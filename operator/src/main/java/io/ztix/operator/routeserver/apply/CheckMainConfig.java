package io.ztix.operator.routeserver.apply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the route server's main config into one that includes the candidate instead of the live include file,
 * so BIRD can parse exactly what would be activated before anything live is touched.
 */
final class CheckMainConfig {

    private CheckMainConfig() {
    }

    /**
     * Rewrites every active {@code include "<live include path>";} (absolute, or relative to the config
     * directory) to include the candidate.
     *
     * @throws IllegalArgumentException if the main config does not include the live file at all: then applying
     *         would change nothing BIRD reads
     */
    static String rewrite(String mainConfig, BirdTarget target) {
        Pattern include = Pattern.compile("include\\s+\"(" + Pattern.quote(target.includePath()) + "|"
                + Pattern.quote(target.includeFile()) + ")\"\\s*;");
        String replacement = Matcher.quoteReplacement("include \"" + target.candidatePath() + "\";");
        StringBuilder out = new StringBuilder();
        int found = 0;
        for (String line : mainConfig.split("\n", -1)) {
            Matcher matcher = include.matcher(line);
            if (matcher.find() && !line.substring(0, matcher.start()).contains("#")) {
                line = matcher.replaceFirst(replacement);
                found++;
            }
            out.append(line).append('\n');
        }
        if (found == 0) {
            throw new IllegalArgumentException(target.mainConfigPath() + " has no line include \""
                    + target.includePath() + "\"; add it so BIRD reads the file ZT-IX manages");
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
