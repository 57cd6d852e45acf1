package io.ztix.testing.kubeapi.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Remembers a rendering of the chart: rendering takes a second or two, and every test class starts its own
 * stand-in. The rendered text is kept in the checkout's {@code target/kube-api-standin/}, named by a hash of
 * every file of the chart, so any change to the chart renders it again.
 */
final class RenderedChart {

    private RenderedChart() {
    }

    static String text(Path chartDirectory, Supplier<String> render) {
        Path chart = chartDirectory.toAbsolutePath().normalize();
        Path cache = chart.getParent().getParent().resolve("target/kube-api-standin/chart-" + hash(chart) + ".yaml");
        try {
            if (Files.isRegularFile(cache)) {
                return Files.readString(cache);
            }
            String rendered = render.get();
            Files.createDirectories(cache.getParent());
            Path temporary = Files.createTempFile(cache.getParent(), "chart-", ".tmp");
            Files.writeString(temporary, rendered);
            Files.move(temporary, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the rendered chart in " + cache, e);
        }
    }

    private static String hash(Path chart) {
        try (Stream<Path> files = Files.walk(chart)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : sorted) {
                digest.update(chart.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chart " + chart, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
