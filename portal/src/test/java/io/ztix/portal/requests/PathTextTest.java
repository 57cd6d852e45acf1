package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import io.ztix.api.routeserver.ZeroTierPath;
import io.ztix.api.routeserver.ZeroTierPath.Reach;
import io.ztix.portal.i18n.StatusMessages;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The member's path to a route server in words (English texts straight from the {@code @Message} templates). */
class PathTextTest {

    private static final StatusMessages ENGLISH = (StatusMessages) Proxy.newProxyInstance(StatusMessages.class.getClassLoader(),
            new Class<?>[] {StatusMessages.class}, (proxy, method, args) -> {
                String text = method.getAnnotation(Message.class).value()
                        .replaceAll("\\{bidi:ltr\\('([^']*)'\\)}", "\u2066$1\u2069");
                Parameter[] parameters = method.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    text = text.replace("{" + parameters[i].getName() + "}", String.valueOf(args[i]));
                }
                return text;
            });

    private static ZeroTierPath path(Reach reach, Integer latency, String version) {
        ZeroTierPath path = new ZeroTierPath();
        path.reach = reach;
        path.latencyMs = latency;
        path.version = version;
        return path;
    }

    /** As the portal isolates a technical token inside a sentence: U+2066 ... U+2069. */
    private static String ltr(String token) {
        return "\u2066" + token + "\u2069";
    }

    @Test
    void aDirectPathGivesTheLatencyAndVersion() {
        assertThat(PathText.of("rs1", path(Reach.Direct, 12, "1.14.2"), ENGLISH))
                .isEqualTo("Your router reaches " + ltr("rs1") + " directly, 12 ms. (" + ltr("ZeroTier 1.14.2") + ")");
        assertThat(PathText.of("rs1", path(Reach.Direct, null, null), ENGLISH)).isEqualTo("Your router reaches " + ltr("rs1") + " directly.");
    }

    @Test
    void aRelayedPathTellsTheMemberToCheckUdp9993() {
        assertThat(PathText.of("rs2", path(Reach.Relayed, 143, null), ENGLISH))
                .isEqualTo("Your router reaches " + ltr("rs2") + " only through a ZeroTier relay: check that "
                        + ltr("UDP 9993") + " is open to and from your router.");
    }

    @Test
    void anUnreachableOrUnknownPathSaysSoAndNoPathSaysNothing() {
        assertThat(PathText.of("rs1", path(Reach.Unreachable, null, null), ENGLISH))
                .startsWith(ltr("rs1") + " has no ZeroTier contact with your router");
        assertThat(PathText.of("rs1", path(Reach.Unknown, null, null), ENGLISH)).isEqualTo("The ZeroTier path to " + ltr("rs1") + " is not known.");
        assertThat(PathText.of("rs1", null, ENGLISH)).isNull();
    }
}
