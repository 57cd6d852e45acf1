package io.ztix.operator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.FreePorts;
import io.ztix.operator.testsupport.OpenSshServer;
import io.ztix.operator.testsupport.SshKeygen;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each way of failing to log in is reported as its own kind, against a real sshd. */
class SshConnectFailureTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    private OpenSshServer server;

    @BeforeEach
    void startSshd() {
        server = OpenSshServer.start();
    }

    @AfterEach
    void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void correctKeysOpenASession() {
        try (SshSession ssh = SshSession.open(server.target())) {
            assertEquals(server.user() + "\n", ssh.exec("id -un").stdout());
        }
    }

    @Test
    void otherHostKeyIsRefusedNamingBothFingerprintsBeforeAuthenticating() throws Exception {
        SshKeygen.GeneratedKey impostor = SshKeygen.ed25519(server.directory(), "pinned_but_wrong");
        SshTarget target = new SshTarget(server.host(), server.port(), server.user(), server.clientPrivateKey(),
                impostor.publicKeyLine(), SHORT, SHORT);

        HostKeyMismatchException e = assertThrows(HostKeyMismatchException.class, () -> SshSession.open(target));

        assertEquals(SshException.Kind.HOST_KEY, e.kind());
        assertEquals(impostor.fingerprint(), e.expectedFingerprint());
        assertEquals(server.hostKeyFingerprint(), e.presentedFingerprint());
        assertTrue(e.getMessage().contains(impostor.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains(server.hostKeyFingerprint()), e.getMessage());
        assertFalse(Files.readString(server.logFile()).contains("Accepted publickey"),
                "no key may be offered to a server with the wrong host key");
    }

    @Test
    void unauthorizedClientKeyIsAnAuthFailure() {
        SshKeygen.GeneratedKey stranger = SshKeygen.ed25519(server.directory(), "stranger");
        SshTarget target = new SshTarget(server.host(), server.port(), server.user(), stranger.privateKey(),
                server.hostPublicKey(), SHORT, SHORT);

        SshException e = assertThrows(SshException.class, () -> SshSession.open(target));

        assertEquals(SshException.Kind.AUTH, e.kind());
    }

    @Test
    void unreadablePrivateKeyIsAnAuthFailure() {
        SshTarget target = new SshTarget(server.host(), server.port(), server.user(), "not a key",
                server.hostPublicKey(), SHORT, SHORT);

        SshException e = assertThrows(SshException.class, () -> SshSession.open(target));

        assertEquals(SshException.Kind.AUTH, e.kind());
    }

    @Test
    void stoppedSshdIsAConnectFailure() {
        SshTarget target = server.target(SHORT, SHORT);
        server.stop();

        SshException e = assertThrows(SshException.class, () -> SshSession.open(target));

        assertEquals(SshException.Kind.CONNECT, e.kind());
        assertTrue(e.getMessage().contains(target.endpoint()), e.getMessage());
    }

    @Test
    void serverThatNeverSpeaksIsAConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SshTarget target = new SshTarget(server.host(), silent.getLocalPort(), server.user(),
                    server.clientPrivateKey(), server.hostPublicKey(), Duration.ofMillis(700), SHORT);
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception done) {
                    // closed by the test
                }
            });
            acceptor.start();

            SshException e = assertThrows(SshException.class, () -> SshSession.open(target));

            assertEquals(SshException.Kind.CONNECT_TIMEOUT, e.kind());
            acceptor.interrupt();
        }
    }

    @Test
    void portWithoutListenerIsAConnectFailure() {
        SshTarget target = new SshTarget(server.host(), FreePorts.pick(), server.user(), server.clientPrivateKey(),
                server.hostPublicKey(), SHORT, SHORT);

        SshException e = assertThrows(SshException.class, () -> SshSession.open(target));

        assertEquals(SshException.Kind.CONNECT, e.kind());
    }
}
