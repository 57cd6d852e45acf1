package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.api.routeserver.BirdSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BirdTargetTest {

    @Test
    void specDefaultsGiveTheDebianLayout() {
        BirdTarget target = BirdTarget.from(new BirdSpec());

        assertEquals("/etc/bird/ztix.conf", target.includePath());
        assertEquals("/etc/bird/bird.conf", target.mainConfigPath());
        assertEquals("/etc/bird/ztix.conf.candidate", target.candidatePath());
        assertEquals("/etc/bird/ztix.conf.previous", target.previousPath());
        assertEquals("/run/bird/bird.ctl", target.socket());
        assertEquals(Duration.ofSeconds(30), target.configureTimeout());
    }

    @Test
    void absentSpecFieldsFallBackToDefaults() {
        BirdSpec spec = new BirdSpec();
        spec.configDirectory = "/srv/bird/";
        spec.sudo = null;
        spec.configureTimeoutSeconds = null;
        spec.socket = null;

        BirdTarget target = BirdTarget.from(spec);

        assertEquals("/srv/bird/ztix.conf", target.includePath());
        assertEquals("/run/bird/bird.ctl", target.socket());
        assertEquals(false, target.sudo());
        assertEquals(Duration.ofSeconds(30), target.configureTimeout());
    }

    @Test
    void namesThatWouldNeedShellEscapingAreRejected() {
        Duration timeout = Duration.ofSeconds(30);
        assertThrows(IllegalArgumentException.class,
                () -> new BirdTarget("etc/bird", "bird.conf", "ztix.conf", "bird", "birdc", "/run/b.ctl", false, timeout));
        assertThrows(IllegalArgumentException.class,
                () -> new BirdTarget("/etc/bird", "../bird.conf", "ztix.conf", "bird", "birdc", "/run/b.ctl", false, timeout));
        assertThrows(IllegalArgumentException.class,
                () -> new BirdTarget("/etc/bird", "bird.conf", "zt ix.conf", "bird", "birdc", "/run/b.ctl", false, timeout));
        assertThrows(IllegalArgumentException.class,
                () -> new BirdTarget("/etc/bird", "bird.conf", "ztix.conf", "bird;id", "birdc", "/run/b.ctl", false, timeout));
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> new BirdTarget("/etc/bird", "bird.conf", "bird.conf", "bird", "birdc", "/run/b.ctl", false, timeout));
        assertTrue(same.getMessage().contains("must differ"));
    }
}
