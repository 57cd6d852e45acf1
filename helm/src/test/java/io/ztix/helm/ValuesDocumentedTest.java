package io.ztix.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every setting in values.yaml says what it does, in a "# -- " comment right above it (or above the
 * enclosing key, for standard Kubernetes structures such as resources).
 */
class ValuesDocumentedTest {

    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z][A-Za-z0-9]*):(.*)$");

    @Test
    void everySettingHasADescription() throws IOException {
        List<String> lines = Files.readAllLines(Chart.directory().resolve("values.yaml"));
        List<String> undocumented = new ArrayList<>();
        int settings = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches() || isParent(lines, i, key.group(1).length(), key.group(3))) {
                continue;
            }
            settings++;
            if (!describedAbove(lines, i) && !describedAncestor(lines, i, key.group(1).length())) {
                undocumented.add((i + 1) + ": " + lines.get(i).trim());
            }
        }
        assertThat(settings).isGreaterThan(40);
        assertThat(undocumented).isEmpty();
    }

    /** A mapping whose children follow on deeper-indented lines (its children carry the descriptions). */
    private static boolean isParent(List<String> lines, int index, int indent, String rest) {
        if (!rest.isBlank()) {
            return false;
        }
        for (int j = index + 1; j < lines.size(); j++) {
            String next = lines.get(j);
            if (next.isBlank() || next.trim().startsWith("#")) {
                continue;
            }
            int nextIndent = next.length() - next.stripLeading().length();
            return nextIndent > indent && !next.trim().startsWith("- ");
        }
        return false;
    }

    private static boolean describedAncestor(List<String> lines, int index, int indent) {
        for (int j = index - 1; j >= 0 && indent > 0; j--) {
            Matcher parent = KEY.matcher(lines.get(j));
            if (parent.matches() && parent.group(1).length() < indent) {
                return describedAbove(lines, j) || describedAncestor(lines, j, parent.group(1).length());
            }
        }
        return false;
    }

    private static boolean describedAbove(List<String> lines, int index) {
        for (int j = index - 1; j >= 0; j--) {
            String above = lines.get(j).trim();
            if (above.startsWith("# -- ")) {
                return true;
            }
            if (!above.startsWith("#")) {
                return false;
            }
        }
        return false;
    }
}
