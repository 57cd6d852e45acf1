package io.ztix.operator.irr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.testing.RealTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real bgpq4 1.9 against the IRRd stand-in on loopback: what it asks, what comes back, how it fails. */
class Bgpq4LookupTest {

    private IrrdStandIn irrd;
    private IrrLookup lookup;

    @BeforeEach
    void startIrrd() {
        Path bgpq4 = RealTools.require("bgpq4", "/usr/bin/bgpq4");
        irrd = new IrrdStandIn();
        lookup = new IrrLookup(new Bgpq4(bgpq4, Duration.ofSeconds(3), 64L << 20), Clock.systemUTC());
    }

    @AfterEach
    void stopIrrd() {
        irrd.close();
    }

    @Test
    void aSetExpandsIntoItsOriginsAndAggregatedPrefixesWithMoreSpecificsUpToTheLimit() throws Exception {
        irrd.asSet("RIPE", "AS-FOO", "AS3333", "AS15562")
                .routes("RIPE", 3333, "193.0.0.0/21", "193.0.10.0/23", "193.0.11.0/24", "2001:67c:2e8::/48")
                .routes("RIPE", 15562, "185.1.2.0/24", "185.1.2.0/25", "2a02:898::/32");

        IrrLists lists = lookup.lookUp(irrd.address(), List.of("AS-FOO"));

        assertEquals(List.of(3333L, 15562L), lists.asns());
        assertEquals(List.of("185.1.2.0/24", "193.0.0.0/21{21,24}", "193.0.10.0/23{23,24}"), bird(lists.ipv4()));
        assertEquals(List.of("2001:67c:2e8::/48", "2a02:898::/32{32,48}"), bird(lists.ipv6()));
        assertEquals(List.of("AS-FOO"), lists.objects());
    }

    @Test
    void bgpq4AsksInIrrdsOwnQueryLanguage() throws Exception {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21");

        lookup.lookUp(irrd.address(), List.of("AS-FOO"));

        List<String> queries = irrd.queries();
        assertTrue(queries.containsAll(List.of("!!", "!nbgpq4 1.9", "!s-lc", "!iAS-FOO,1", "!a", "!a4AS-FOO", "!a6AS-FOO", "!q")),
                queries.toString());
    }

    @Test
    void nestedSetsAreExpandedRecursivelyAndALoopEnds() throws Exception {
        irrd.asSet("RIPE", "AS-TOP", "AS-MID", "AS3333")
                .asSet("RIPE", "AS-MID", "AS-LEAF")
                .asSet("RIPE", "AS-LEAF", "AS15562", "AS-TOP")
                .routes("RIPE", 3333, "193.0.0.0/21")
                .routes("RIPE", 15562, "185.1.2.0/24");

        IrrLists lists = lookup.lookUp(irrd.address(), List.of("AS-TOP"));

        assertEquals(List.of(3333L, 15562L), lists.asns());
        assertEquals(List.of("185.1.2.0/24", "193.0.0.0/21{21,24}"), bird(lists.ipv4()));
    }

    @Test
    void theSourceFormAsksThatSourceOnlyAndNestedSetsToo() throws Exception {
        irrd.asSet("RIPE", "AS-FOO", "AS3333", "AS-BAR")
                .asSet("RIPE", "AS-BAR", "AS15562")
                .asSet("ARIN", "AS-FOO", "AS7018")
                .routes("RIPE", 3333, "193.0.0.0/21")
                .routes("RIPE", 15562, "185.1.2.0/24")
                .routes("ARIN", 7018, "12.0.0.0/8");

        IrrLists lists = lookup.lookUp(irrd.address("ARIN", "RIPE"), List.of("RIPE::AS-FOO"));

        assertEquals(List.of(3333L, 15562L), lists.asns());
        assertEquals(List.of("185.1.2.0/24", "193.0.0.0/21{21,24}"), bird(lists.ipv4()));
        assertTrue(irrd.queries().contains("!sRIPE"), irrd.queries().toString());
    }

    @Test
    void theConfiguredSourcesAreTheOnlyOnesAsked() throws Exception {
        irrd.asSet("ARIN", "AS-FOO", "AS7018").routes("ARIN", 7018, "12.0.0.0/8")
                .asSet("RADB", "AS-FOO", "AS3333").routes("RADB", 3333, "193.0.0.0/21");

        IrrLists lists = lookup.lookUp(irrd.address("ARIN"), List.of("AS-FOO"));

        assertEquals(List.of(7018L), lists.asns());
        assertTrue(irrd.queries().contains("!sARIN"), irrd.queries().toString());
    }

    @Test
    void severalObjectsAndAPlainAsnAreExpandedTogether() throws Exception {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21")
                .routes("RIPE", 15562, "185.1.2.0/24");

        IrrLists lists = lookup.lookUp(irrd.address(), List.of("AS-FOO", "AS15562"));

        assertEquals(List.of(3333L, 15562L), lists.asns());
        assertEquals(List.of("185.1.2.0/24", "193.0.0.0/21{21,24}"), bird(lists.ipv4()));
    }

    @Test
    void anUnknownSetFailsTheLookupInsteadOfGivingEmptyLists() {
        irrd.asSet("RIPE", "AS-FOO", "AS3333");

        IrrLookupException e = assertThrows(IrrLookupException.class,
                () -> lookup.lookUp(irrd.address(), List.of("AS-NOPE")));

        assertTrue(e.getMessage().contains("AS-NOPE gave no origin ASN"), e.getMessage());
    }

    @Test
    void aServerThatIsDownFailsTheLookup() {
        IrrServer down = irrd.address();
        irrd.close();

        IrrLookupException e = assertThrows(IrrLookupException.class, () -> lookup.lookUp(down, List.of("AS-FOO")));

        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheTimeout() {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").silent();

        IrrLookupException e = assertThrows(IrrLookupException.class,
                () -> lookup.lookUp(irrd.address(), List.of("AS-FOO")));

        assertTrue(e.getMessage().contains("no answer from 127.0.0.1:" + irrd.port() + " within 3 s"), e.getMessage());
    }

    @Test
    void aSlowServerWithinTheTimeoutStillAnswers() throws Exception {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21").slow(Duration.ofMillis(100));

        assertEquals(List.of(3333L), lookup.lookUp(irrd.address(), List.of("AS-FOO")).asns());
    }

    @Test
    void anErrorAnswerFailsTheLookupRatherThanGivingAPartialList() {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21").failing("Internal server error");

        IrrLookupException e = assertThrows(IrrLookupException.class,
                () -> lookup.lookUp(irrd.address(), List.of("AS-FOO")));

        assertTrue(e.getMessage().contains("Internal server error"), e.getMessage());
    }

    @Test
    void aConnectionCutInsideAnAnswerFailsTheLookup() {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21").cutMidAnswer();

        assertThrows(IrrLookupException.class, () -> lookup.lookUp(irrd.address(), List.of("AS-FOO")));
    }

    @Test
    void anUnknownSourceFailsTheLookup() {
        irrd.asSet("RIPE", "AS-FOO", "AS3333");

        IrrLookupException e = assertThrows(IrrLookupException.class,
                () -> lookup.lookUp(irrd.address("NOSUCH"), List.of("AS-FOO")));

        assertTrue(e.getMessage().contains("NOSUCH"), e.getMessage());
    }

    @Test
    void garbageFromTheIrrFailsTheLookup() {
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, "193.0.0.0/21", "999.0.0.0/8");

        assertThrows(IrrLookupException.class, () -> lookup.lookUp(irrd.address(), List.of("AS-FOO")));
    }

    @Test
    void anAnswerLargerThanTheCapFailsTheLookup() {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            prefixes.add("45." + i + ".0.0/24");
        }
        irrd.asSet("RIPE", "AS-FOO", "AS3333").routes("RIPE", 3333, prefixes);
        IrrLookup capped = new IrrLookup(new Bgpq4(RealTools.require("bgpq4", "/usr/bin/bgpq4"), Duration.ofSeconds(30),
                1024), Clock.systemUTC());

        IrrLookupException e = assertThrows(IrrLookupException.class,
                () -> capped.lookUp(irrd.address(), List.of("AS-FOO")));

        assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    }

    @Test
    void aReservedAsnInsideASetIsDroppedWithoutFailingTheLookup() throws Exception {
        irrd.asSet("RIPE", "AS-FOO", "AS3333", "AS64500", "AS4200000001").routes("RIPE", 3333, "193.0.0.0/21");

        IrrLists lists = lookup.lookUp(irrd.address(), List.of("AS-FOO"));

        assertEquals(List.of(3333L), lists.asns());
    }

    @Test
    void aHundredThousandPrefixSetIsExpanded() throws Exception {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            long base = (45L << 24) + (2L * i << 8);
            prefixes.add((base >> 24) + "." + (base >> 16 & 255) + "." + (base >> 8 & 255) + ".0/24");
        }
        irrd.asSet("RIPE", "AS-HUGE", "AS3333").routes("RIPE", 3333, prefixes);
        IrrLookup patient = new IrrLookup(new Bgpq4(RealTools.require("bgpq4", "/usr/bin/bgpq4"), Duration.ofSeconds(120),
                64L << 20), Clock.systemUTC());

        IrrLists lists = patient.lookUp(irrd.address(), List.of("AS-HUGE"));

        assertEquals(100_000, lists.ipv4().size());
        assertEquals("45.0.0.0/24", lists.ipv4().get(0).bird());
    }

    private static List<String> bird(List<IrrPrefix> prefixes) {
        return prefixes.stream().map(IrrPrefix::bird).toList();
    }
}
