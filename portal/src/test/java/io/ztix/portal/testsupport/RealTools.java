package io.ztix.portal.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards tests that need real tools (chromium, chromedriver). Without them such a test is skipped, saying
 * why; when {@code ZTIX_REQUIRE_REAL_TOOLS=true} (set by CI) the same situation fails the test instead.
 */
public final class RealTools {

    public static final String REQUIRE_ENV = "ZTIX_REQUIRE_REAL_TOOLS";

    private RealTools() {
    }

    /** Returns the absolute path of the first executable found, or skips/fails. */
    public static Path require(String tool, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path path = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(path)) {
                return path;
            }
        }
        String why = tool + " is not installed (Debian: apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_ENV))) {
            fail(why + " — and " + REQUIRE_ENV + "=true, so this cannot be skipped");
        }
        Assumptions.abort(why);
        return null;
    }
}
