package io.ztix.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** helm/zt-ix/crds/ is a copy of crds/ (generated from api/): Helm installs that copy. */
class ChartCrdsMatchTopLevelCrdsTest {

    @Test
    void chartShipsExactlyTheCommittedCrds() throws IOException {
        Path top = Chart.repoRoot().resolve("crds");
        Path chart = Chart.directory().resolve("crds");

        assertThat(names(chart)).as("refresh with: cp crds/*.yml helm/zt-ix/crds/").isEqualTo(names(top)).hasSize(3);
        for (String name : names(top)) {
            assertThat(Files.readString(chart.resolve(name))).as(name + " differs; refresh with: cp crds/*.yml helm/zt-ix/crds/")
                    .isEqualTo(Files.readString(top.resolve(name)));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
