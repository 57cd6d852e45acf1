package io.ztix.operator.testsupport.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing the lab leaves nothing behind: no namespaces, no processes, no files. */
class LabCleanupTest {

    @Test
    void closingTheLabRemovesItsNamespacesProcessesAndFiles() throws Exception {
        IxLab lab = IxLab.start();
        List<String> namespaces = lab.netns().namespaces();
        Path routeServerPid = lab.routeServer().configDir().resolve("bird.pid");
        long birdPid = Long.parseLong(Files.readString(routeServerPid).strip());
        Path workDir = lab.workDir();
        assertThat(namespaces).hasSize(4).allMatch(ns -> ns.startsWith("ztix-" + lab.netns().runId() + "-"));
        assertThat(listedNamespaces()).containsAll(namespaces);
        assertThat(ProcessHandle.of(birdPid)).isPresent();

        lab.close();

        assertThat(listedNamespaces()).doesNotContainAnyElementsOf(namespaces);
        assertThat(ProcessHandle.of(birdPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(workDir).doesNotExist();
        assertThat(lab.netns().namespaces()).isEmpty();
    }

    private static List<String> listedNamespaces() {
        return Commands.run(List.of("ip", "netns", "list")).orThrow().output().lines()
                .map(line -> line.split("\\s+")[0])
                .toList();
    }
}
