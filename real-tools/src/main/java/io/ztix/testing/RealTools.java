package io.ztix.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards tests that need real Debian tools (bird, sshd, stayrtr, ip, kubectl, chromium) or root. On a developer machine
 * without them such a test is skipped, saying why; when {@code ZTIX_REQUIRE_REAL_TOOLS=true} (set by
 * {@code .ci/run}) the same situation fails the test instead, so CI can never silently skip it.
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
        unavailable(tool + " is not installed (Debian: apt-get install " + debianPackage(tool) + ")");
        return null;
    }

    /** Skips or fails unless running as root (needed for network namespaces). */
    public static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable("this test creates network namespaces and must run as root");
        }
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    /**
     * Skips the calling test with {@code why}, or fails it when {@link #required()}: for a prerequisite that is
     * not a single tool, e.g. a root file system a test builds first.
     */
    public static void unavailable(String why) {
        if (required()) {
            fail(why + " — and " + REQUIRE_ENV + "=true, so this cannot be skipped");
        }
        Assumptions.abort(why);
    }

    private static String debianPackage(String tool) {
        return switch (tool) {
            case "bird", "birdc" -> "bird2";
            case "sshd", "ssh-keygen" -> "openssh-server";
            case "ip" -> "iproute2";
            case "chromium", "chromedriver" -> "chromium chromium-driver";
            case "kubectl" -> "kubernetes-client";
            default -> tool;
        };
    }
}
