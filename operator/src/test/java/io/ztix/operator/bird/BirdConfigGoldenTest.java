package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.operator.testsupport.BirdInstallation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed route servers render exactly the reviewed golden files, one directory per BIRD line ({@code bird-2.0},
 * {@code bird-2.17}, {@code bird-3.1}), and each golden file parses without a warning on that line's real BIRD. To
 * accept an intended change, run once with {@code -Dztix.updateGolden=true} and review the diff of the golden files.
 */
class BirdConfigGoldenTest {

    private static final Path GOLDEN_DIR = Path.of("src/test/resources/bird/golden");

    /** A BIRD line: the version rendered for, the real BIRD that must parse it, and its ASPA fixture if any. */
    record Line(String directory, BirdVersion version, BirdInstallation bird, AspaPolicy aspaFixture) {
        @Override
        public String toString() {
            return directory;
        }
    }

    private static final List<Line> LINES = List.of(
            new Line("bird-2.0", BirdVersion.parse("2.0.12"), BirdInstallation.HOST_2_0, null),
            new Line("bird-2.17", BirdVersion.parse("2.17.6"), BirdInstallation.TRIXIE_2_17, AspaPolicy.Tag),
            new Line("bird-3.1", BirdVersion.parse("3.1.8"), BirdInstallation.TRIXIE_3_1, AspaPolicy.Reject));

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();

    static Stream<Line> lines() {
        return LINES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void eachLineRendersItsGoldenFiles(Line line) throws IOException {
        for (String name : goldenNames(line)) {
            assertMatchesGolden(line, name, render(line, name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void eachLinesGoldenFilesParseWithoutWarningsOnThatBird(Line line) throws IOException {
        BirdParser parser = new BirdParser(line.bird());
        for (String name : goldenNames(line)) {
            BirdParser.Result result = parser.parseWithExampleMain(Files.readString(golden(line, name)));
            assertTrue(result.ok(), line + "/" + name + ": " + result.output());
            assertFalse(result.output().contains("WARN") || result.output().contains("Inferring"),
                    line + "/" + name + " must parse without warnings: " + result.output());
        }
        assertTrue(line.bird().version().startsWith(line.version().major() + "." + line.version().minor() + "."),
                line.bird() + " is " + line.bird().version() + ", the golden files are for " + line.version());
    }

    @Test
    void theOldestLinesFileStillParsesOnNewerBirdsWithOnlyReturnTypeWarnings() throws IOException {
        String oldest = Files.readString(golden(LINES.get(0), "three-members.conf"));
        for (BirdInstallation newer : List.of(BirdInstallation.TRIXIE_2_17, BirdInstallation.TRIXIE_3_1)) {
            BirdParser.Result result = new BirdParser(newer).parseWithExampleMain(oldest);
            assertTrue(result.ok(), newer + ": " + result.output());
            assertTrue(result.output().contains("Inferring function ztix_filtered return type"), newer + ": " + result.output());
        }
    }

    @Test
    void onlyAspaCapableLinesGetDeclaredReturnTypesAndOnlyWhenAskedTheAspaTable() {
        String oldest = renderer.render(BirdFixtures.threeMembers(), BirdVersion.parse("2.0.12"));
        String typed = renderer.render(BirdFixtures.threeMembers(), BirdVersion.parse("2.14.0"));
        String bird3 = renderer.render(BirdFixtures.threeMembers(), BirdVersion.parse("3.1.8"));
        assertFalse(oldest.contains("-> bool"), oldest);
        assertTrue(typed.contains("function ztix_filtered() -> bool"), typed);
        assertTrue(bird3.contains("function ztix_announce_to(int peer_asn) -> bool"), bird3);
        assertFalse(bird3.contains("aspa"), "no ASPA unless the policy asks for it: " + bird3);
        String withAspa = renderer.render(BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                Policy.defaults().withAspa(AspaPolicy.Tag)), BirdVersion.parse("2.16.0"));
        assertTrue(withAspa.contains("aspa table ztix_aspa;"), withAspa);
        assertTrue(withAspa.contains("aspa { table ztix_aspa; };"), withAspa);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void aRouteServerWithoutMembersRendersRpkiAndFiltersThatParse(Line line) {
        String config = renderer.render(BirdFixtures.routeServer(List.of()), line.version());
        assertTrue(config.contains("protocol rpki ztix_rpki_1"), config);
        assertTrue(!config.contains("protocol bgp"), config);
        BirdParser.Result result = new BirdParser(line.bird()).parseWithExampleMain(config);
        assertTrue(result.ok(), result.output());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void withoutTransitFreeAsnsThatCheckIsLeftOutAndTheFileStillParses(Line line) {
        String config = renderer.render(BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                Policy.defaults().withTransitFreeAsns(List.of())), line.version());
        assertFalse(config.contains("ZTIX_TRANSIT_FREE_ASNS"), config);
        BirdParser.Result result = new BirdParser(line.bird()).parseWithExampleMain(config);
        assertTrue(result.ok(), result.output());
    }

    private static List<String> goldenNames(Line line) {
        List<String> names = new ArrayList<>(List.of("three-members.conf", "asn32-ipv6-only.conf", "three-members-irr.conf",
                "three-members-blackholing.conf"));
        if (line.aspaFixture() != null) {
            names.add("three-members-aspa-" + line.aspaFixture().name().toLowerCase() + ".conf");
        }
        return names;
    }

    private String render(Line line, String name) {
        return switch (name) {
            case "three-members.conf" -> renderer.render(BirdFixtures.threeMembers(), line.version());
            case "three-members-irr.conf" -> renderer.render(BirdFixtures.threeMembersWithIrr(), line.version());
            case "three-members-blackholing.conf" -> renderer.render(BirdFixtures.threeMembersWithBlackholing(), line.version());
            case "asn32-ipv6-only.conf" -> renderer.render(new RouteServerConfig(4200000100L, "198.51.100.1", null,
                    "2001:db8::1", List.of(new RtrEndpoint("rtr.example.net", 8282), new RtrEndpoint("2001:db8::ff", 323)),
                    new Policy(16, MaxPrefixAction.Restart, false), List.of(BirdFixtures.ipv6Only())), line.version());
            default -> renderer.render(BirdFixtures.routeServer(BirdFixtures.threeMembers().members(),
                    Policy.defaults().withAspa(line.aspaFixture())), line.version());
        };
    }

    private static Path golden(Line line, String name) {
        return GOLDEN_DIR.resolve(line.directory()).resolve(name);
    }

    private static void assertMatchesGolden(Line line, String name, String rendered) throws IOException {
        Path golden = golden(line, name);
        if (Boolean.getBoolean("ztix.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), golden + " is missing; run with -Dztix.updateGolden=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered, "differs from " + golden);
    }
}
