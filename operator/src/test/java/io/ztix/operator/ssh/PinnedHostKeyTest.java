package io.ztix.operator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.SshKeygen;
import io.ztix.operator.testsupport.TempDirs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PinnedHostKeyTest {

    private final Path dir = TempDirs.create("ztix-hostkey-");

    @AfterEach
    void deleteKeys() {
        TempDirs.delete(dir);
    }

    @Test
    void fingerprintIsTheSameAsSshKeygenPrints() {
        SshKeygen.GeneratedKey key = SshKeygen.ed25519(dir, "host");

        PinnedHostKey pinned = PinnedHostKey.parse(key.publicKeyLine());

        assertEquals(key.fingerprint(), pinned.fingerprint());
        assertEquals("ssh-ed25519", pinned.type());
    }

    @Test
    void onlyTheIdenticalKeyMatches() {
        PinnedHostKey pinned = PinnedHostKey.parse(SshKeygen.ed25519(dir, "one").publicKeyLine());
        PinnedHostKey other = PinnedHostKey.parse(SshKeygen.ed25519(dir, "two").publicKeyLine());

        assertTrue(pinned.matches(pinned.blob()));
        assertFalse(pinned.matches(other.blob()));
        assertFalse(pinned.matches(null));
    }
}
