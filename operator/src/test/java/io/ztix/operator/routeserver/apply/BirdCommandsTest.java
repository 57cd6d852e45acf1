package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void onlyAHostNameIsCheckedForResolutionAndItIsQuoted() {
        BirdCommands commands = new BirdCommands(target(true));

        assertEquals("if getent ahosts 'rtr.example.net' > /dev/null 2>&1; then echo yes; else echo no; fi",
                commands.resolves("rtr.example.net"));
        assertThrows(IllegalArgumentException.class, () -> commands.resolves("a;b"));
    }

    @Test
    void withSudoEveryProgramRunsUnderSudoN() {
        BirdCommands commands = new BirdCommands(target(true));

        assertEquals("sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols", commands.showProtocols());
        assertEquals("sudo -n mv -f '/a' '/b'", commands.move("/a", "/b"));
        assertEquals("sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols && { echo @@ztix-section@@; "
                + "sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols all '\"ztix_rpki*\"' 2>&1; echo @@ztix-section@@; "
                + "sudo -n 'birdc' -s '/run/bird/bird.ctl' show status 2>&1; true; }",
                commands.observe());
        assertEquals("sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols && { echo @@ztix-section@@; "
                + "sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols all '\"ztix_rpki*\"' 2>&1; echo @@ztix-section@@; "
                + "sudo -n 'birdc' -s '/run/bird/bird.ctl' show status 2>&1; echo @@ztix-routes@@; "
                + "sudo -n 'birdc' -s '/run/bird/bird.ctl' show protocols all '\"m_as*\"' 2>&1 | grep -E '^[^ ]|^ +Routes: '; "
                + "true; }", commands.observe(true));
        assertEquals("sudo -n tee '/a' > /dev/null", commands.write("/a"));
        assertEquals("if sudo -n test -e '/a'; then sudo -n sha256sum '/a'; fi", commands.sha256("/a"));
        assertEquals("if sudo -n test -e '/a'; then sudo -n cp -p '/a' '/b'; else sudo -n tee '/b' < /dev/null > /dev/null; fi",
                commands.backup("/a", "/b"));
    }
}
