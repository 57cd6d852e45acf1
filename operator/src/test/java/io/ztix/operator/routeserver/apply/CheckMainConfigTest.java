package io.ztix.operator.routeserver.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckMainConfigTest {

    private static final BirdTarget TARGET = new BirdTarget("/etc/bird", "bird.conf", "ztix.conf", "bird", "birdc",
            "/run/bird/bird.ctl", false, Duration.ofSeconds(30));

    @Test
    void absoluteIncludeOfTheLiveFilePointsAtTheCandidate() {
        String main = "router id 198.51.100.1;\ninclude \"/etc/bird/ztix.conf\";\nprotocol device {}\n";

        assertEquals("router id 198.51.100.1;\ninclude \"/etc/bird/ztix.conf.candidate\";\nprotocol device {}\n",
                CheckMainConfig.rewrite(main, TARGET));
    }

    @Test
    void relativeIncludeIsRewrittenToo() {
        assertEquals("  include \"/etc/bird/ztix.conf.candidate\";",
                CheckMainConfig.rewrite("  include \"ztix.conf\" ;", TARGET));
    }

    @Test
    void otherIncludesAndCommentedOutLinesStayAsTheyAre() {
        String main = "include \"/etc/bird/local.conf\";\n# include \"/etc/bird/ztix.conf\";\ninclude \"/etc/bird/ztix.conf\";";

        assertEquals("include \"/etc/bird/local.conf\";\n# include \"/etc/bird/ztix.conf\";\n"
                + "include \"/etc/bird/ztix.conf.candidate\";", CheckMainConfig.rewrite(main, TARGET));
    }

    @Test
    void mainConfigThatDoesNotIncludeTheFileIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckMainConfig.rewrite("router id 198.51.100.1;\n# include \"/etc/bird/ztix.conf\";\n", TARGET));

        assertTrue(e.getMessage().contains("include \"/etc/bird/ztix.conf\""), e.getMessage());
    }
}
