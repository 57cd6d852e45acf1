package io.ztix.operator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {

    @Test
    void quotedStringsReachTheProgramUnchangedThroughARealShell() throws Exception {
        for (String value : List.of("plain", "it's", "''", "a b\tc", "$(id) `id` $HOME \\ \"x\" ; | & * ?", "")) {
            Process sh = new ProcessBuilder("/bin/sh", "-c", "printf %s " + ShellQuoting.quote(value)).start();
            String printed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sh.waitFor(10, TimeUnit.SECONDS);

            assertEquals(value, printed);
        }
    }

    @Test
    void safeAbsolutePathsAreAccepted() {
        assertEquals("'/etc/bird/ztix.conf'", ShellQuoting.path("/etc/bird/ztix.conf"));
        assertEquals("/run/bird/bird.ctl", ShellQuoting.requireSafePath("/run/bird/bird.ctl"));
    }

    @Test
    void relativeOrUnusualPathsAreRejected() {
        for (String path : new String[] {null, "", "etc/bird", "/etc/bird conf", "/etc/'x'", "/etc/$x", "/etc/../root",
                "/etc/bird\n"}) {
            assertThrows(IllegalArgumentException.class, () -> ShellQuoting.path(path), String.valueOf(path));
        }
    }
}
