package io.ztix.operator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.api.routeserver.SshSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SshTargetTest {

    private static final String HOST_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHLOuHLTnCmbo8y6pD/6J0R6LwhB11BgUQhpG+s+CbQa rs1";
    private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    private static final Duration TEN = Duration.ofSeconds(10);

    @Test
    void toStringNeverShowsThePrivateKey() {
        SshTarget target = new SshTarget("rs1.example.net", 22, "ztix", PRIVATE_KEY, HOST_KEY, TEN, TEN);

        String text = target.toString();

        assertFalse(text.contains("c2VjcmV0LWtleS1ieXRlcw"), text);
        assertFalse(text.contains("PRIVATE KEY"), text);
        assertTrue(text.contains("ztix@rs1.example.net:22"), text);
        assertTrue(text.contains("<redacted>"), text);
    }

    @Test
    void ipv6HostIsBracketedInTheEndpointButNotInTheAddress() {
        SshTarget plain = new SshTarget("2001:db8::1", 2222, "ztix", PRIVATE_KEY, HOST_KEY, TEN, TEN);
        SshTarget bracketed = new SshTarget("[2001:db8::1]", 2222, "ztix", PRIVATE_KEY, HOST_KEY, TEN, TEN);

        assertEquals("[2001:db8::1]:2222", plain.endpoint());
        assertEquals("[2001:db8::1]:2222", bracketed.endpoint());
        assertEquals("2001:db8::1", bracketed.address());
    }

    @Test
    void targetWithoutAUsablePinnedHostKeyCannotBeBuilt() {
        for (String bad : new String[] {null, "", "ssh-ed25519", "ssh-ed25519 !!!notbase64",
                "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIHLOuHLTnCmbo8y6pD/6J0R6LwhB11BgUQhpG+s+CbQa"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new SshTarget("rs1", 22, "ztix", PRIVATE_KEY, bad, TEN, TEN), String.valueOf(bad));
        }
    }

    @Test
    void unsafeHostUserPortOrTimeoutsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new SshTarget("rs1;rm -rf /", 22, "ztix", PRIVATE_KEY, HOST_KEY, TEN, TEN));
        assertThrows(IllegalArgumentException.class,
                () -> new SshTarget("rs1", 0, "ztix", PRIVATE_KEY, HOST_KEY, TEN, TEN));
        assertThrows(IllegalArgumentException.class,
                () -> new SshTarget("rs1", 22, "Root User", PRIVATE_KEY, HOST_KEY, TEN, TEN));
        assertThrows(IllegalArgumentException.class,
                () -> new SshTarget("rs1", 22, "ztix", " ", HOST_KEY, TEN, TEN));
        assertThrows(IllegalArgumentException.class,
                () -> new SshTarget("rs1", 22, "ztix", PRIVATE_KEY, HOST_KEY, Duration.ZERO, TEN));
    }

    @Test
    void specDefaultsToPort22AndUserZtix() {
        SshSpec spec = new SshSpec();
        spec.host = "rs1.example.net";
        spec.hostKey = HOST_KEY;
        spec.port = null;
        spec.user = null;

        SshTarget target = SshTarget.from(spec, PRIVATE_KEY, TEN, TEN);

        assertEquals(22, target.port());
        assertEquals("ztix", target.user());
    }
}
