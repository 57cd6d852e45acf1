package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BirdTextTest {

    @Test
    void quotesBracesSemicolonsAndNewlinesBecomeSpaces() {
        assertEquals("x protocol static evil import all", BirdText.safe("x\"; }\nprotocol static evil { import all; }"));
    }

    @Test
    void accentsAreDroppedAndOtherScriptsRemoved() {
        assertEquals("Netzwerk Grune Wiese", BirdText.safe("Netzwerk Grüne Wiese"));
        assertEquals("Net", BirdText.safe("Ñet 网络 \u0000\u202e"));
    }

    @Test
    void commentAndEscapeCharactersAreRemoved() {
        assertEquals("a b c / d", BirdText.safe("a # b \\ c */ d"));
    }

    @Test
    void longNamesAreCutTo64Characters() {
        String safe = BirdText.safe("A".repeat(10_000));
        assertEquals(BirdText.MAX_LENGTH, safe.length());
        assertTrue(safe.endsWith("..."));
    }

    @Test
    void nullAndEmptyGiveAnEmptyString() {
        assertEquals("", BirdText.safe(null));
        assertEquals("", BirdText.safe(" \n\t\"{}; "));
    }

    @Test
    void asSetsAreSplitUpperCasedAndMalformedTokensDropped() {
        assertEquals(List.of("RIPE::AS-EXAMPLE", "AS-OTHER@ARIN", "AS64500:AS-CUSTOMERS"),
                BirdText.asSets("ripe::as-example, AS-OTHER@ARIN; AS64500:AS-CUSTOMERS \"; } {"));
        assertEquals(List.of(), BirdText.asSets(null));
    }
}
