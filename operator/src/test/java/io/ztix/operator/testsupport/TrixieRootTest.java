package io.ztix.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Debian 13 root the BIRD 3.1 / 2.17 tests run in: what it holds and how paths map into it. */
class TrixieRootTest {

    @Test
    void theRootHoldsBird31Bird217AndStayrtrFromDebian13() throws IOException {
        Path root = TrixieRoot.get();
        assertThat(BirdInstallation.TRIXIE_3_1.version()).startsWith("3.1.");
        assertThat(BirdInstallation.TRIXIE_2_17.version()).startsWith("2.17.");
        assertThat(BirdInstallation.HOST_2_0.version()).startsWith("2.0.");
        assertThat(Files.readString(root.resolve(".ztix-root-ready"))).contains("StayRTR 0.6");
        assertThat(Files.readString(root.resolve("etc/os-release"))).contains("trixie");
    }

    @Test
    void aFileUnderTheRootHasTheSamePathInsideChroot() throws Exception {
        Path dir = TrixieRoot.tempDirectory("ztix-root-test-");
        try {
            Path file = Files.writeString(dir.resolve("probe.txt"), "seen from inside\n");
            Process cat = new ProcessBuilder(List.of("/usr/sbin/chroot", TrixieRoot.get().toString(), "/bin/cat",
                    file.toString())).redirectErrorStream(true).start();
            String output = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cat.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output).isEqualTo("seen from inside\n");
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void theWrapperExecutablesRunTheChrootedBird() throws Exception {
        Process bird = new ProcessBuilder(List.of(BirdInstallation.TRIXIE_3_1.birdExecutable().toString(), "--version"))
                .redirectErrorStream(true).start();
        String output = new String(bird.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bird.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).startsWith("BIRD version 3.1.");
    }
}
