package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroTierSettingsTest {

    @Test
    void peeringLanRoutesAreOnLinkAndCanonical() {
        NetworkSettings settings = NetworkSettings.forPeeringLan("ix", "2001:DB8:00FF::/64", "203.0.113.0/24", 2800);
        assertEquals(List.of(Route.onLink("2001:db8:ff::/64"), Route.onLink("203.0.113.0/24")), settings.routes());
    }

    @Test
    void withoutIpv4OnlyTheIpv6LanIsRouted() {
        assertEquals(List.of(Route.onLink("2001:db8:ff::/64")),
                NetworkSettings.forPeeringLan("ix", "2001:db8:ff::/64", null, 2800).routes());
    }

    @Test
    void badNetworkSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NetworkSettings.forPeeringLan(" ", "2001:db8:ff::/64", null, 2800));
        IllegalArgumentException mtu = assertThrows(IllegalArgumentException.class,
                () -> NetworkSettings.forPeeringLan("ix", "2001:db8:ff::/64", null, 1279));
        assertTrue(mtu.getMessage().contains("1280..10000"), mtu.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkSettings.forPeeringLan("ix", "2001:db8::/48", null, 2800));
    }

    @Test
    void memberAddressesAreStoredCanonically() {
        assertEquals(List.of("2001:db8:ff:0:6:4501:0:1", "203.0.113.3"),
                MemberSettings.authorized(List.of("2001:DB8:FF:0:6:4501:0:0001", "203.0.113.3"), null).ipAssignments());
    }

    @Test
    void memberAddressesWithAPrefixLengthOrNoAddressAreRejected() {
        IllegalArgumentException prefix = assertThrows(IllegalArgumentException.class,
                () -> MemberSettings.authorized(List.of("2001:db8:ff::1/64"), null));
        assertTrue(prefix.getMessage().contains("prefix length"), prefix.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemberSettings.authorized(List.of("not-an-ip"), null));
    }
}
