package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The community table is defined once and documented where members and admins look. */
class RouteServerCommunityTest {

    @Test
    void everyCommunityIsDocumentedInTheTemplatesReadme() throws IOException {
        String readme = Files.readString(Path.of("src/main/resources/bird/README.md"));
        for (RouteServerCommunity community : RouteServerCommunity.values()) {
            assertTrue(readme.contains("| `" + community.documented() + "`"), community + " is missing from bird/README.md");
        }
    }

    @Test
    void noTwoCommunitiesShareANumber() {
        Set<String> seen = new HashSet<>();
        Arrays.stream(RouteServerCommunity.values())
                .forEach(c -> assertTrue(seen.add(c.documented()), c.documented() + " is used twice"));
    }

    @Test
    void templatesNameCommunitiesRelativeToTheRouteServerAsn() {
        assertEquals("(ZTIX_RS_ASN, 1101, 16)", RouteServerCommunity.TEMPLATE_VIEW.property("ASPA_INVALID"));
        assertEquals(null, RouteServerCommunity.TEMPLATE_VIEW.property("NO_SUCH_COMMUNITY"));
    }
}
