package io.ztix.operator.zerotier.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztix.testing.RealTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ZeroTier's own rules compiler, the npm package {@code zerotier-rule-compiler} (the {@code rule-compiler.js} that
 * Central's rules editor runs), as a test oracle: installed with npm into {@code target/} on first use and run
 * with node through its {@code cli.js}. Without node/npm the calling test is skipped on a developer machine and
 * fails when {@code ZTIX_REQUIRE_REAL_TOOLS=true} (CI). The package is GPL-2.0 and only ever runs here, in tests.
 */
public final class ZeroTierRuleCompiler {

    public static final String PACKAGE = "zerotier-rule-compiler@1.2.2-2";

    private static final Path HOME = Path.of("target", "zerotier-rule-compiler").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path node;
    private final Path cli;

    private ZeroTierRuleCompiler(Path node, Path cli) {
        this.node = node;
        this.cli = cli;
    }

    /** The installed compiler (installing it on first use). */
    public static synchronized ZeroTierRuleCompiler installed() {
        Path node = RealTools.require("node", "/usr/bin/node");
        Path cli = HOME.resolve("node_modules/zerotier-rule-compiler/cli.js");
        if (!Files.isRegularFile(cli)) {
            Path npm = RealTools.require("npm", "/usr/bin/npm");
            run(List.of(npm.toString(), "install", "--no-audit", "--no-fund", "--no-save", "--prefix", HOME.toString(),
                    PACKAGE), 300);
            if (!Files.isRegularFile(cli)) {
                throw new IllegalStateException("npm install " + PACKAGE + " did not produce " + cli);
            }
        }
        return new ZeroTierRuleCompiler(node, cli);
    }

    /** The {@code rules} array ZeroTier's compiler makes of {@code source}; IllegalStateException on its error. */
    public JsonNode compile(String source) {
        try {
            Path script = Files.createTempFile(HOME.getParent(), "rules-", ".ztrules");
            try {
                Files.writeString(script, source, StandardCharsets.UTF_8);
                String out = run(List.of(node.toString(), cli.toString(), script.toString()), 60);
                return JSON.readTree(out).path("config").path("rules");
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cli, e);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Files.createDirectories(HOME);
            Path output = Files.createTempFile(HOME.getParent(), "oracle-", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
