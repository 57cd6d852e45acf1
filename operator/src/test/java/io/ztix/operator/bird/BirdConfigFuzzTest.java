package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in every untrusted field never changes the meaning of the configuration, and hostile
 * addresses or numbers are never rendered at all.
 */
class BirdConfigFuzzTest {

    private static final String[] FRAGMENTS = {
        "\"", "\\", "{", "}", ";", "\n", "\r", "\t", "#", "/*", "*/", "'", "`", "$", "%", "\u0000", "\u007f",
        "include \"/etc/passwd\";", "\"; } protocol static evil { ipv4; route 0.0.0.0/0 blackhole; }",
        "filter evil { accept; }", "define ZTIX_RS_ASN = 1;", "\n}\nprotocol bgp evil {", "{{ }} {#if}{/if} {it}",
        "Ünïcödé", "网络", "\u202e", "e\u0301", "\uD83D\uDE00", "\uFEFF", "AS-EVIL", "RIPE::AS-OK", " ", "",
    };
    private static final Pattern PROTOCOL = Pattern.compile("(?m)^protocol (bgp|rpki) ");
    private static final Pattern HOSTILE_WORD = Pattern.compile("(?i)evil|passwd");

    private final BirdConfigRenderer renderer = new BirdConfigRenderer();
    private final BirdParser parser = new BirdParser();
    private final Random random = new Random(20261125);

    @Test
    void hostileNamesAndAsSetsStillRenderAConfigurationThatParsesWithTheExpectedProtocols() {
        for (int round = 0; round < 25; round++) {
            List<Member> members = new ArrayList<>();
            int expectedSessions = 0;
            for (int i = 0; i < 12; i++) {
                boolean hasIpv4 = random.nextBoolean();
                members.add(new Member(hostile(), 100_000L + round * 100 + i, hostile(), hostile(),
                        String.format("%010x", random.nextLong() & 0xffffffffffL),
                        "2001:db8::" + Integer.toHexString(0x100 + round * 16 + i),
                        hasIpv4 ? "198.51.100." + (20 + i) : null,
                        random.nextBoolean() ? null : 1L + random.nextInt(1000),
                        random.nextBoolean() ? null : 1L + random.nextInt(1000)));
                expectedSessions += hasIpv4 ? 2 : 1;
            }
            String config = renderer.render(BirdFixtures.routeServer(members));

            BirdParser.Result parsed = parser.parseWithExampleMain(config);
            assertTrue(parsed.ok(), "round " + round + ": " + parsed.output());
            assertEquals(expectedSessions + 1, count(PROTOCOL.matcher(config)), "round " + round + " protocols");
            assertEquals(expectedSessions, count(Pattern.compile("(?m)^protocol bgp ").matcher(config)));
            assertHostileTextOnlyInCommentsAndDescriptions(config);
        }
    }

    @Test
    void aTenThousandCharacterNameIsCutAndStillParses() {
        Member member = new Member("x".repeat(10_000), 64501, "\"};".repeat(3_400), "AS-".repeat(3_400),
                "0a1b2c3d4e", "2001:db8::11", "198.51.100.11", null, null);
        String config = renderer.render(BirdFixtures.routeServer(List.of(member)));
        BirdParser.Result parsed = parser.parseWithExampleMain(config);
        assertTrue(parsed.ok(), parsed.output());
        assertTrue(config.length() < 20_000, "the include stays small: " + config.length());
    }

    @Test
    void hostileAddressesAndAsnsAreRefusedNeverRendered() {
        for (int round = 0; round < 500; round++) {
            String badAddress = corrupt(random.nextBoolean() ? "198.51.100.11" : "2001:db8::11");
            boolean asIpv4 = random.nextBoolean();
            Member member = new Member("jr", 64501, "Net", null, "0a1b2c3d4e",
                    asIpv4 ? "2001:db8::11" : badAddress, asIpv4 ? badAddress : null, null, null);
            String shown = BirdText.quoteForMessage(badAddress);
            assertThrows(IllegalArgumentException.class,
                    () -> renderer.render(BirdFixtures.routeServer(List.of(member))), "rendered " + shown);
        }
        long[] badAsns = {0, -1, 23456, 65535, 4294967295L, 4294967296L, Long.MIN_VALUE, Long.MAX_VALUE};
        for (long asn : badAsns) {
            Member member = new Member("jr", asn, "Net", null, "0a1b2c3d4e", "2001:db8::11", null, null, null);
            assertThrows(IllegalArgumentException.class,
                    () -> renderer.render(BirdFixtures.routeServer(List.of(member))), "rendered AS" + asn);
        }
    }

    private String hostile() {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        if (random.nextInt(20) == 0) {
            text.append("x\"}".repeat(3_500));
        }
        return random.nextInt(10) == 0 ? null : text.toString();
    }

    /** A valid address with one hostile fragment inserted, or replaced by a fragment. */
    private String corrupt(String address) {
        String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        if (fragment.isBlank() && !fragment.isEmpty()) {
            fragment = fragment + "}";
        }
        if (fragment.isEmpty() || random.nextInt(5) == 0) {
            return fragment.isEmpty() ? "" : fragment;
        }
        int at = random.nextInt(address.length() + 1);
        return address.substring(0, at) + fragment + address.substring(at);
    }

    private static void assertHostileTextOnlyInCommentsAndDescriptions(String config) {
        for (String line : config.split("\n")) {
            if (HOSTILE_WORD.matcher(line).find()) {
                String trimmed = line.strip();
                assertTrue(trimmed.startsWith("#") || trimmed.matches("description \"[^\"\\\\{};]*\";"),
                        "hostile text outside a comment or description: " + line);
            }
        }
    }

    private static int count(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
