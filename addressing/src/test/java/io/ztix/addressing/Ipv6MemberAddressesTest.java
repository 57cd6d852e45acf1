package io.ztix.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ztix.addressing.Ipv6MemberAddresses.AsnAndSequence;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv6MemberAddressesTest {

    private static final Ipv6Lan LAN = Ipv6Lan.parse("2001:db8:ff::/64");

    @Test
    void asn64501SequenceOneShowsTheAsnDigitsInTheAddress() {
        assertEquals("2001:db8:ff:0:6:4501:0:1", Ipv6MemberAddresses.address(LAN, 64501, 1));
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1, 2001:db8:ff::1:0:1",
            "1, 9999, 2001:db8:ff::1:0:9999",
            "999999, 1, 2001:db8:ff:0:99:9999:0:1",
            "999999, 9999, 2001:db8:ff:0:99:9999:0:9999",
            "1000000, 1, 2001:db8:ff:0:a000:1000:0:1",
            "4200000000, 12, 2001:db8:ff:0:a420::12",
            "4294967294, 1, 2001:db8:ff:0:a429:4967:294:1",
            "4294967294, 9999, 2001:db8:ff:0:a429:4967:294:9999",
    })
    void edgeAsnsAndSequencesGiveTheDocumentedAddresses(long asn, int sequence, String expected) {
        assertEquals(expected, Ipv6MemberAddresses.address(LAN, asn, sequence));
        assertEquals(Optional.of(new AsnAndSequence(asn, sequence)), Ipv6MemberAddresses.decode(LAN, expected));
    }

    @Test
    void everyAddressDecodesBackToItsAsnAndSequenceSoNoTwoPairsShareAnAddress() {
        Map<String, AsnAndSequence> seen = new HashMap<>();
        Random random = new Random(4242);
        long[] boundaryAsns = {1, 2, 9, 10, 99, 100, 9999, 10000, 64501, 99999, 100000, 999998, 999999, 1000000,
                1000001, 9999999, 10000000, 100000000, 999999999, 1000000000, 4199999999L, 4294967294L};
        int[] boundarySequences = {1, 2, 9, 10, 99, 100, 999, 1000, 9998, 9999};
        for (long asn : boundaryAsns) {
            for (int sequence : boundarySequences) {
                assertUniqueAndDecodable(seen, asn, sequence);
            }
        }
        for (int i = 0; i < 20000; i++) {
            long asn = i % 2 == 0 ? 1 + random.nextInt(999_999) : 1_000_000 + (long) (random.nextDouble() * 4_293_967_294L);
            assertUniqueAndDecodable(seen, asn, 1 + random.nextInt(9999));
        }
    }

    @Test
    void shortAndLongAsnsNeverShareAnAddress() {
        // The long ASN 1000099 and the short ASN 99 both contain "99"; the marker keeps them apart.
        String shortAsn = Ipv6MemberAddresses.address(LAN, 99, 1);
        String longAsn = Ipv6MemberAddresses.address(LAN, 1_000_099, 1);
        assertEquals("2001:db8:ff::99:0:1", shortAsn);
        assertEquals("2001:db8:ff:0:a000:1000:99:1", longAsn);
    }

    @Test
    void addressesFromOtherSchemesOrLansDecodeToNothing() {
        assertEquals(Optional.empty(), Ipv6MemberAddresses.decode(LAN, "2001:db8:ff::1"));
        assertEquals(Optional.empty(), Ipv6MemberAddresses.decode(LAN, "2001:db8:ff:0:6:4501:0:0"));
        assertEquals(Optional.empty(), Ipv6MemberAddresses.decode(LAN, "2001:db8:ff:0:6:4501:1:1"));
        assertEquals(Optional.empty(), Ipv6MemberAddresses.decode(LAN, "2001:db8:ff:0:a000:0:99:1"));
        assertEquals(Optional.empty(), Ipv6MemberAddresses.decode(LAN, "2001:db8:ff:0:6:45ab:0:1"));
        assertEquals(Optional.empty(), Ipv6MemberAddresses.decode(LAN, "2001:db8:fe:0:6:4501:0:1"));
    }

    @Test
    void sequenceNumbersOutsideOneTo9999AreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6MemberAddresses.address(LAN, 64501, 0));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ipv6MemberAddresses.address(LAN, 64501, 10000));
        assertTrue(error.getMessage().contains("1..9999"), error.getMessage());
    }

    @Test
    void reservedAndOutOfRangeAsnsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6MemberAddresses.address(LAN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Ipv6MemberAddresses.address(LAN, 4294967295L, 1));
        assertThrows(IllegalArgumentException.class, () -> Ipv6MemberAddresses.address(LAN, -1, 1));
    }

    @Test
    void nextSequenceCountsUpFromOneAndFailsClearlyAfter9999() {
        assertEquals(1, Ipv6MemberAddresses.nextSequence(64501, null));
        assertEquals(1, Ipv6MemberAddresses.nextSequence(64501, 0L));
        assertEquals(9999, Ipv6MemberAddresses.nextSequence(64501, 9998L));
        AddressSpaceExhaustedException error = assertThrows(AddressSpaceExhaustedException.class,
                () -> Ipv6MemberAddresses.nextSequence(64501, 9999L));
        assertTrue(error.getMessage().contains("AS64501") && error.getMessage().contains("9999"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ipv6MemberAddresses.nextSequence(64501, -1L));
    }

    private static void assertUniqueAndDecodable(Map<String, AsnAndSequence> seen, long asn, int sequence) {
        AsnAndSequence pair = new AsnAndSequence(asn, sequence);
        String address = Ipv6MemberAddresses.address(LAN, asn, sequence);
        AsnAndSequence earlier = seen.putIfAbsent(address, pair);
        assertTrue(earlier == null || earlier.equals(pair), address + " is produced by " + earlier + " and " + pair);
        assertEquals(Optional.of(pair), Ipv6MemberAddresses.decode(LAN, address));
    }
}
