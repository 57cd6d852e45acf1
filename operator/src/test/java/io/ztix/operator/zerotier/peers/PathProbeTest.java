package io.ztix.operator.zerotier.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.api.routeserver.ZeroTierPath.Reach;
import io.ztix.operator.ssh.SshSession;
import io.ztix.operator.testsupport.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe over a real OpenSSH session, as the session poll runs it. */
class PathProbeTest {

    private static OpenSshServer server;

    @BeforeAll
    static void startSshd() {
        server = OpenSshServer.start();
    }

    @AfterAll
    static void stopSshd() {
        server.close();
    }

    private static String script(String name, String body) throws IOException {
        Path script = server.directory().resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    @Test
    void aRouteServerWithoutZeroTierCliReportsPathUnknownWithoutFailing() {
        try (SshSession ssh = SshSession.open(server.target())) {
            PathProbe.Observation seen = new PathProbe("zerotier-cli-not-installed-here -j peers").read(ssh);

            assertThat(seen.available()).isFalse();
            assertThat(seen.problem()).contains("zerotier-cli is not installed");
            assertThat(ssh.exec("echo still usable").stdout()).contains("still usable");
        }
    }

    @Test
    void theRouteServersPeersAreReadFromZeroTierCliJson() throws IOException {
        Path fixture = Path.of("src/test/resources/zerotier/peers-1.14.json").toAbsolutePath();
        String cli = script("zerotier-cli", "[ \"$1 $2\" = \"-j peers\" ] || exit 2\ncat '" + fixture + "'");

        try (SshSession ssh = SshSession.open(server.target())) {
            PathProbe.Observation seen = new PathProbe(cli + " -j peers").read(ssh);

            assertThat(seen.available()).isTrue();
            assertThat(seen.peers().get("aabbccdd01").reach()).isEqualTo(Reach.Direct);
            assertThat(seen.peers().get("aabbccdd02").reach()).isEqualTo(Reach.Relayed);
        }
    }

    @Test
    void aZeroTierCliWithoutTheAuthTokenIsReportedWithItsMessage() throws IOException {
        String cli = script("zerotier-cli-no-token", "echo 'authtoken.secret not found or readable in /var/lib/zerotier-one' >&2\nexit 2");

        try (SshSession ssh = SshSession.open(server.target())) {
            PathProbe.Observation seen = new PathProbe(cli + " -j peers").read(ssh);

            assertThat(seen.problem()).contains("exit 2").contains("authtoken.secret not found");
        }
    }

    @Test
    void outputThatIsNotJsonIsReportedNotThrown() throws IOException {
        String cli = script("zerotier-cli-text", "echo '200 peers'");

        try (SshSession ssh = SshSession.open(server.target())) {
            assertThat(new PathProbe(cli + " -j peers").read(ssh).problem()).contains("no JSON");
        }
    }
}
