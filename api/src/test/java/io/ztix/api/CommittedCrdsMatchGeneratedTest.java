package io.ztix.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * crds/ is what the build generates from the model classes, byte for byte. After changing the model,
 * refresh it with {@code ./mvnw -pl api verify -Dztix.crds.update=true} and commit the result.
 */
class CommittedCrdsMatchGeneratedTest {

    @Test
    void everyGeneratedCrdIsCommittedUnchanged() throws IOException {
        List<Path> generated = RepoFiles.yamlFiles(RepoFiles.generatedCrds());
        assertThat(generated).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("joinrequests.ztix.io-v1.yml", "routeservers.ztix.io-v1.yml",
                        "ztnetworks.ztix.io-v1.yml");
        if (Boolean.getBoolean("ztix.crds.update")) {
            Files.createDirectories(RepoFiles.committedCrds());
            for (Path file : generated) {
                Files.copy(file, RepoFiles.committedCrds().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path file : generated) {
            Path committed = RepoFiles.committedCrds().resolve(file.getFileName());
            assertThat(committed).as("crds/%s is missing: run ./mvnw -pl api verify -Dztix.crds.update=true", file.getFileName())
                    .exists();
            assertThat(Files.readString(committed))
                    .as("crds/%s differs from the generated CRD: run ./mvnw -pl api verify -Dztix.crds.update=true",
                            file.getFileName())
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void crdsDirectoryHoldsNothingButGeneratedCrds() {
        List<String> generated = RepoFiles.yamlFiles(RepoFiles.generatedCrds()).stream()
                .map(p -> p.getFileName().toString()).toList();
        assertThat(RepoFiles.yamlFiles(RepoFiles.committedCrds())).extracting(p -> p.getFileName().toString())
                .as("a CRD in crds/ that the build no longer generates")
                .allMatch(generated::contains);
    }
}
