package io.ztix.operator.testsupport.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetnsTest {

    @Test
    void closeStopsOnlyItsOwnProcessesAndDeletesOnlyItsOwnNamespaces(@TempDir Path dir) throws Exception {
        Process outsider = new ProcessBuilder("sleep", "300").start();
        try {
            Netns netns = Netns.create();
            String ns = netns.createNamespace("x");
            long pid = netns.start(ns, dir.resolve("sleep.log"), "sleep", "300");
            assertThat(netns.isRunning(pid)).isTrue();

            netns.close();

            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(outsider.isAlive()).isTrue();
            assertThat(listedNamespaces()).doesNotContain(ns);
        } finally {
            outsider.destroy();
            outsider.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void ipv6AddressesAreUsableAtOnceBecauseDuplicateAddressDetectionIsOff() {
        try (Netns netns = Netns.create()) {
            String lan = netns.createNamespace("lan");
            netns.createBridge(lan, "br0");
            String member = netns.createNamespace("m");
            netns.connectToBridge(member, "lan0", lan, "br0", List.of("2001:db8:ff::7/64", "203.0.113.7/24"));

            String addresses = netns.exec(member, "ip", "addr", "show", "dev", "lan0").orThrow().output();

            assertThat(addresses).contains("inet6 2001:db8:ff::7/64", "inet 203.0.113.7/24").doesNotContain("tentative");
            assertThat(netns.exec(member, "sysctl", "-n", "net.ipv6.conf.default.accept_dad").output().strip())
                    .isEqualTo("0");
        }
    }

    @Test
    void namespacesItDidNotCreateAreRefused() {
        try (Netns netns = Netns.create()) {
            assertThatThrownBy(() -> netns.exec("ztix-someone-else", "true"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was not created by this lab");
            assertThatThrownBy(() -> netns.stop(1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was not started by this lab");
        }
    }

    @Test
    void rolesThatWouldMakeBadNamesAreRefused() {
        try (Netns netns = Netns.create()) {
            assertThatThrownBy(() -> netns.createNamespace("../x")).hasMessageContaining("role must match");
            assertThat(netns.namespaces()).isEmpty();
        }
    }

    private static List<String> listedNamespaces() {
        return Commands.run(List.of("ip", "netns", "list")).orThrow().output().lines()
                .map(line -> line.split("\\s+")[0])
                .toList();
    }
}
