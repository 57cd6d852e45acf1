package io.ztix.operator.bird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading BIRD's version from what birdc and bird print, and what each version gets. */
class BirdVersionTest {

    @Test
    void theVersionIsReadFromBirdcShowStatus() {
        String bird3 = """
                BIRD 3.1.8 ready.
                BIRD 3.1.8
                Router ID is 198.51.100.1
                Hostname is vm
                Daemon is up and running
                """;
        assertEquals(Optional.of(new BirdVersion(3, 1, 8)), BirdVersion.find(bird3));
        assertEquals(Optional.of(new BirdVersion(2, 0, 12)), BirdVersion.find("BIRD 2.0.12 ready.\nBIRD 2.0.12\n"));
    }

    @Test
    void theVersionIsReadFromBirdVersionAndTwoPartVersionsHavePatchZero() {
        assertEquals(Optional.of(new BirdVersion(2, 17, 6)), BirdVersion.find("BIRD version 2.17.6\n"));
        assertEquals(new BirdVersion(2, 16, 0), BirdVersion.parse("2.16"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Unable to connect to server control socket (/run/bird/bird.ctl): No such file",
            "BIRDS 3.1.8", "bird 3.1.8", "BIRD three"})
    void outputWithoutAVersionGivesNone(String output) {
        assertEquals(Optional.empty(), BirdVersion.find(output));
    }

    @Test
    void aMalformedVersionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BirdVersion.parse("x.1"));
        assertTrue(e.getMessage().contains("not a BIRD version"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0.12", "2.0.13", "2.14.0", "2.17.6", "3.1.0", "3.1.8", "3.2.0"})
    void supportedVersions(String version) {
        assertTrue(BirdVersion.parse(version).isSupported(), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6.8", "2.0.0", "2.0.11", "3.0.0", "3.0.2", "4.0.0"})
    void unsupportedVersionsSayWhyAndWhatToRun(String version) {
        Optional<String> reason = BirdVersion.parse(version).unsupportedReason();
        assertTrue(reason.isPresent(), version);
        assertTrue(reason.get().contains("BIRD " + BirdVersion.parse(version)), reason.get());
        assertTrue(reason.get().contains("2.0.12") || reason.get().contains("3.1"), reason.get());
    }

    @Test
    void declaredReturnTypesFrom214AndIn3() {
        assertFalse(BirdVersion.parse("2.0.12").declaresReturnTypes());
        assertFalse(BirdVersion.parse("2.13.1").declaresReturnTypes());
        assertTrue(BirdVersion.parse("2.14.0").declaresReturnTypes());
        assertTrue(BirdVersion.parse("3.1.8").declaresReturnTypes());
    }

    @Test
    void aspaFrom216AndIn3() {
        assertFalse(BirdVersion.parse("2.15.1").hasAspa());
        assertTrue(BirdVersion.parse("2.16.0").hasAspa());
        assertTrue(BirdVersion.parse("2.17.6").hasAspa());
        assertTrue(BirdVersion.parse("3.1.8").hasAspa());
    }

    @Test
    void versionsOrderNumerically() {
        assertTrue(BirdVersion.parse("2.0.12").compareTo(BirdVersion.parse("2.0.9")) > 0);
        assertTrue(BirdVersion.parse("2.17.0").compareTo(BirdVersion.parse("3.0.0")) < 0);
    }
}
