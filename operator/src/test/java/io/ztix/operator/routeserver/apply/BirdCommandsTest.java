package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BirdCommandsTest {

    private static BirdTarget target(boolean sudo) {
        return new BirdTarget("/etc/bird", "bird.conf", "ztix.conf", "/usr/sbin/bird", "birdc", "/run/bird/bird.ctl",
                sudo, Duration.ofSeconds(30));
    }

    @Test
    void withoutSudoProgramsRunDirectlyWithQuotedPaths() {
        BirdCommands commands = new BirdCommands(target(false));

        assertEquals("'birdc' -s '/run/bird/bird.ctl' configure", commands.configure());
        assertEquals("'/usr/sbin/bird' -p -c '/etc/bird/bird.conf.ztix-check'",
                commands.parseOnly("/etc/bird/bird.conf.ztix-check"));
        assertEquals("'birdc' -s '/run/bird/bird.ctl' configure check '\"/etc/bird/x.conf\"'",
                commands.configureCheck("/etc/bird/x.conf"));
        assertEquals("mv -f '/etc/bird/ztix.conf.candidate' '/etc/bird/ztix.conf'",
                commands.move("/etc/bird/ztix.conf.candidate", "/etc/bird/ztix.conf"));
    }

    @Test
    void withSudoEveryProgramRunsUnderSudoN() {
        BirdCommands commands = new BirdCommands(target(true));

        assertEquals("sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols", commands.showProtocols());
        assertEquals("sudo -n mv -f '/a' '/b'", commands.move("/a", "/b"));
        assertEquals("sudo -n tee '/a' > /dev/null", commands.write("/a"));
        assertEquals("if sudo -n test -e '/a'; then sudo -n sha256sum '/a'; fi", commands.sha256("/a"));
        assertEquals("if sudo -n test -e '/a'; then sudo -n cp -p '/a' '/b'; else sudo -n tee '/b' < /dev/null > /dev/null; fi",
                commands.backup("/a", "/b"));
    }
}
