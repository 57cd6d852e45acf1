package io.ztix.operator.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.OpenSshServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands and uploads against a real OpenSSH sshd on loopback. */
class SshSessionTest {

    private static OpenSshServer server;

    @BeforeAll
    static void startSshd() {
        server = OpenSshServer.start();
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void commandReturnsExitCodeStdoutAndStderrSeparately() {
        try (SshSession ssh = SshSession.open(server.target())) {
            CommandResult result = ssh.exec("echo out; echo err >&2; exit 3");

            assertEquals(3, result.exitCode());
            assertEquals("out\n", result.stdout());
            assertEquals("err\n", result.stderr());
            assertFalse(result.succeeded());
        }
    }

    @Test
    void failedCommandIsReportedAsCommandFailedWhenSuccessIsRequired() {
        try (SshSession ssh = SshSession.open(server.target())) {
            SshException e = assertThrows(SshException.class,
                    () -> ssh.exec("echo 'no such thing' >&2; exit 2").requireSuccess());

            assertEquals(SshException.Kind.COMMAND_FAILED, e.kind());
            assertTrue(e.getMessage().contains("no such thing"), e.getMessage());
        }
    }

    @Test
    void commandsGetEndOfFileOnStdinSoTheyDoNotWaitForInput() {
        try (SshSession ssh = SshSession.open(server.target())) {
            CommandResult result = ssh.exec("cat; echo done", Duration.ofSeconds(5));

            assertEquals("done\n", result.stdout());
        }
    }

    /**
     * Commands that end at once (as the applier's mv and rm): the server closes their channel while the client is
     * still connecting it, which jsch's stdin pump thread did not survive ("this.thread is null"), now and then.
     */
    @Test
    void manyCommandsThatEndAtOnceAllRunOnOneSession() {
        try (SshSession ssh = SshSession.open(server.target())) {
            for (int i = 0; i < 300; i++) {
                assertEquals(0, ssh.exec("true", Duration.ofSeconds(30)).exitCode(), "command " + i);
            }
        }
    }

    @Test
    void aLargeInputReachesTheCommandWhole() throws Exception {
        Path file = server.directory().resolve("large.conf");
        byte[] content = new byte[4 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);

        try (SshSession ssh = SshSession.open(server.target())) {
            ssh.upload(file.toString(), content);
        }

        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void uploadWritesTheExactBytesToTheRemotePath() throws Exception {
        Path file = server.directory().resolve("uploaded.conf");
        byte[] content = "protocol static s1 { ipv6; };\n# 'quotes' \"and\" $(no expansion) \u00e4\n"
                .getBytes(StandardCharsets.UTF_8);

        try (SshSession ssh = SshSession.open(server.target())) {
            ssh.upload(file.toString(), content);
        }

        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void uploadRefusesPathsThatAreRelativeOrNeedShellEscaping() {
        try (SshSession ssh = SshSession.open(server.target())) {
            for (String path : new String[] {"relative.conf", "/tmp/a b", "/tmp/$(touch x)", "/tmp/a;b", "/etc/../x"}) {
                assertThrows(IllegalArgumentException.class, () -> ssh.upload(path, new byte[0]), path);
            }
        }
    }

    @Test
    void slowCommandTimesOutAndItsRemoteProcessIsKilled() throws Exception {
        Path pidFile = server.directory().resolve("slow.pid");
        try (SshSession ssh = SshSession.open(server.target())) {
            long started = System.nanoTime();
            // 5 s: time enough for a loaded 2-core machine to start the remote shell, far below the command's 60 s
            SshException e = assertThrows(SshException.class,
                    () -> ssh.exec("echo $$ > '" + pidFile + "'; exec sleep 60", Duration.ofSeconds(5)));

            assertEquals(SshException.Kind.COMMAND_TIMEOUT, e.kind());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 40, "the timeout ended the wait");
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertTrue(gone(pid, Duration.ofSeconds(15)), "remote sleep " + pid + " still runs after the timeout");
            assertEquals("still usable\n", ssh.exec("echo still usable").stdout(),
                    "the session survives a command timeout");
        }
    }

    private static boolean gone(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
