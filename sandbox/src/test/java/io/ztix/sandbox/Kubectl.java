package io.ztix.sandbox;

import io.ztix.testing.RealTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl (skips without it unless ZTIX_REQUIRE_REAL_TOOLS=true) against a kubeconfig. */
final class Kubectl {

    private final Path binary = RealTools.require("kubectl", "/usr/bin/kubectl");
    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    /** Runs kubectl with these arguments; answers its output, fails on a non-zero exit. */
    String run(String... args) {
        Result result = execute(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + result.output());
        }
        return result.output();
    }

    /** Runs kubectl where it must fail (a refused request); answers what it printed. */
    String refused(String... args) {
        Result result = execute(args);
        if (result.exitCode() == 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " succeeded but must be refused: "
                    + result.output());
        }
        return result.output();
    }

    private record Result(int exitCode, String output) {
    }

    /** A kubectl that keeps running ({@code get -w}): what it has printed so far, stopped (by its pid) on close. */
    final class Running implements AutoCloseable {
        private final Process process;
        private final Thread reader;
        private final StringBuffer output = new StringBuffer();

        private Running(Process process) {
            this.process = process;
            reader = new Thread(() -> {
                try (var in = process.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    output.append("[read failed: ").append(e).append(']');
                }
            }, "kubectl-output");
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            return output.toString();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts kubectl with these arguments without waiting for it to end. */
    Running start(String... args) {
        return new Running(launch(args));
    }

    private Process launch(String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("KUBECONFIG", kubeconfig.toString());
            Process p = builder.start();
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl", e);
        }
    }

    private Result execute(String... args) {
        try (Running running = new Running(launch(args))) {
            if (!running.process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not end in 120 s: " + running.output());
            }
            running.reader.join(10_000);
            return new Result(running.process.exitValue(), running.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

}
