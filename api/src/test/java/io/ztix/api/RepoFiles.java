package io.ztix.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the repository files the api tests check (set by the api module's surefire configuration). */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    }

    static Path committedCrds() {
        return root().resolve("crds");
    }

    static Path generatedCrds() {
        return Path.of(System.getProperty("ztix.generated.crds", "target/classes/META-INF/fabric8"));
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
