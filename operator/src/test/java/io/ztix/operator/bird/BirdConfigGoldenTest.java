package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fixed three-member route server renders exactly the reviewed golden file. To accept an intended
 * change, run once with {@code -Dztix.updateGolden=true} and review the diff of the golden file.
 */
class BirdConfigGoldenTest {

    private static final Path GOLDEN_DIR = Path.of("src/test/resources/bird/golden");

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();

    @Test
    void threeMemberRouteServerRendersTheGoldenFile() throws IOException {
        assertMatchesGolden("three-members.conf", renderer.render(BirdFixtures.threeMembers()));
    }

    @Test
    void routeServerWithA32BitAsnRendersTheGoldenFile() throws IOException {
        RouteServerConfig config = new RouteServerConfig(4200000100L, "198.51.100.1", null, "2001:db8::1",
                List.of(new RtrEndpoint("rtr.example.net", 8282), new RtrEndpoint("2001:db8::ff", 323)),
                new Policy(16, MaxPrefixAction.Restart, false), List.of(BirdFixtures.ipv6Only()));
        assertMatchesGolden("asn32-ipv6-only.conf", renderer.render(config));
    }

    @Test
    void renderingTheSameInputTwiceGivesIdenticalBytes() {
        String first = renderer.render(BirdFixtures.threeMembers());
        String second = new BirdConfigRenderer().render(BirdFixtures.threeMembers());
        assertEquals(first, second);
        assertEquals(BirdConfigRenderer.sha256(first), BirdConfigRenderer.sha256(second));
    }

    @Test
    void memberOrderDoesNotChangeTheOutput() {
        List<Member> members = new ArrayList<>(BirdFixtures.threeMembers().members());
        String expected = renderer.render(BirdFixtures.threeMembers());
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(members, random);
            assertEquals(expected, renderer.render(BirdFixtures.routeServer(members)), "order " + members);
        }
    }

    @Test
    void aChangedMemberChangesTheHash() {
        String before = renderer.render(BirdFixtures.threeMembers());
        Member changed = new Member("v6-only", 65551, null, null, "00000000aa", "2001:db8::13", null, null, 11L);
        String after = renderer.render(BirdFixtures.routeServer(
                List.of(BirdFixtures.exampleNetworks(), BirdFixtures.hostileName(), changed)));
        assertNotEquals(BirdConfigRenderer.sha256(before), BirdConfigRenderer.sha256(after));
        assertEquals(64, BirdConfigRenderer.sha256(before).length());
    }

    @Test
    void goldenFilesParseWithRealBird() throws IOException {
        BirdParser parser = new BirdParser();
        for (String name : List.of("three-members.conf", "asn32-ipv6-only.conf")) {
            BirdParser.Result result = parser.parseWithExampleMain(Files.readString(GOLDEN_DIR.resolve(name)));
            assertTrue(result.ok(), name + ": " + result.output());
        }
    }

    @Test
    void aRouteServerWithoutMembersRendersRpkiAndFiltersThatParse() {
        String config = renderer.render(BirdFixtures.routeServer(List.of()));
        assertTrue(config.contains("protocol rpki ztix_rpki_1"), config);
        assertTrue(!config.contains("protocol bgp"), config);
        BirdParser.Result result = new BirdParser().parseWithExampleMain(config);
        assertTrue(result.ok(), result.output());
    }

    private static void assertMatchesGolden(String name, String rendered) throws IOException {
        Path golden = GOLDEN_DIR.resolve(name);
        if (Boolean.getBoolean("ztix.updateGolden")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), golden + " is missing; run with -Dztix.updateGolden=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered, "differs from " + golden);
    }
}
