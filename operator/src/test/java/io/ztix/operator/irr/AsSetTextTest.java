package io.ztix.operator.irr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsSetTextTest {

    @Test
    void theFormsPeeringDbRecordsHoldAreAccepted() {
        assertEquals(List.of("AS-FOO"), objects("AS-FOO"));
        assertEquals(List.of("RIPE::AS-FOO"), objects("RIPE::AS-FOO"));
        assertEquals(List.of("RIPE::AS-FOO"), objects("AS-FOO@RIPE"));
        assertEquals(List.of("AS8283:AS-COLOCLUE"), objects("AS8283:AS-COLOCLUE"));
        assertEquals(List.of("AS3333"), objects("AS3333"));
        assertEquals(List.of("AS3333"), objects("3333"));
        assertEquals(List.of("ARIN::AS3333"), objects("AS3333@ARIN"));
    }

    @Test
    void severalSetsSeparatedBySpacesOrCommasAreReadInOrderOnce() {
        assertEquals(List.of("RIPE::AS-FOO", "AS-BAR", "ARIN::AS-BAZ"),
                objects("  ripe::as-foo, AS-BAR ,,AS-BAZ@ARIN\tas-bar  "));
    }

    @Test
    void aLeadingOrTrailingSeparatorIsOnlyASeparator() {
        assertEquals(List.of("AS-FOO", "AS-BAR"), objects(",AS-FOO, AS-BAR,"));
        assertEquals(List.of("RIPE::AS-FOO"), objects(" , RIPE::AS-FOO"));
        assertEquals(List.of(), objects(" , "));
    }

    @Test
    void emptyTextNamesNoObjectAndFallsBackToTheMembersAsn() {
        assertEquals(List.of(), objects(null));
        assertEquals(List.of(), objects("  "));
        assertEquals(List.of("AS3333"), ((AsSetText.Objects) AsSetText.readOrAsn(" ", 3333)).objects());
        assertEquals(List.of("AS-FOO"), ((AsSetText.Objects) AsSetText.readOrAsn("AS-FOO", 3333)).objects());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-h evil.example", "AS-FOO;rm -rf /", "$(reboot)", "AS-FOO`id`", "AS-FOO|cat", "AS FOO", "FOO",
            "AS-", "AS-FOO::RIPE", "RIPE::", "::AS-FOO", "AS-FOO@", "@RIPE", "AS-FOO@RIPE@ARIN", "RIPE::AS-FOO@ARIN",
            "AS0", "AS4294967295", "AS99999999999", "AS65000:AS65001", "AS-FOO\nAS-BAR!", "AS-FÖÖ", "!iAS-FOO",
            "AS-FOO/24", "1.2.3.0/24", "R IPE::AS-FOO", "AS-FOO:", "AS-FOO:AS-BAR:AS-C:AS-D:AS-E:AS-F"})
    void anythingElseIsRefusedWithAMessageQuotingIt(String text) {
        AsSetText.Refused refused = assertInstanceOf(AsSetText.Refused.class, AsSetText.read(text), text);
        assertTrue(refused.message().contains("AS-FOO") || refused.message().contains("at most"), refused.message());
        assertTrue(!refused.message().contains("\n"), "one line: " + refused.message());
    }

    @Test
    void tooManyObjectsOrTooLongTextIsRefused() {
        String eleven = "AS-A1 AS-A2 AS-A3 AS-A4 AS-A5 AS-A6 AS-A7 AS-A8 AS-A9 AS-A10 AS-A11";
        assertTrue(((AsSetText.Refused) AsSetText.read(eleven)).message().contains("11 objects"));
        assertTrue(((AsSetText.Refused) AsSetText.read("AS-A ".repeat(300))).message().contains("characters"));
    }

    private static List<String> objects(String text) {
        return assertInstanceOf(AsSetText.Objects.class, AsSetText.read(text), String.valueOf(text)).objects();
    }
}
