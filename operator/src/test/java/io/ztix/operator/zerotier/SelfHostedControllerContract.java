package io.ztix.operator.zerotier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.api.network.ControllerSpec;
import io.ztix.operator.zerotier.ZeroTierException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract plus what only a self-hosted controller does: create networks, top-level member fields. */
abstract class SelfHostedControllerContract extends ZeroTierControllerContract {

    private final List<String> networksToRemove = new ArrayList<>();
    private String networkId;

    protected abstract String url();

    @Override
    protected ZeroTierController controller(Supplier<String> token) {
        return CONTROLLERS.forNetwork(ControllerSpec.Provider.SelfHosted, url(), null, token);
    }

    protected RawApi raw() {
        return RawApi.selfHosted(url(), validToken());
    }

    @Override
    protected String networkId() {
        return networkId;
    }

    @BeforeEach
    void createTestNetwork() {
        networkId = created(controller().createNetwork(null, SETTINGS)).id();
    }

    @Override
    protected void removeTestNetworks() {
        networksToRemove.forEach(id -> raw().send("DELETE", "/controller/network/" + id, null));
    }

    private NetworkInfo created(NetworkInfo network) {
        networksToRemove.add(network.id());
        return network;
    }

    @Test
    void statusGivesTheControllerAddressThatPrefixesItsNetworks() {
        String address = controller().status().controllerAddress();
        assertTrue(ZeroTierIds.isNodeId(address), address);
        assertTrue(networkId().startsWith(address), networkId());
    }

    @Test
    void networkCreatedWithASuffixHasTheControllerAddressAndTheSuffix() {
        String suffix = unknownNetworkId("").toUpperCase(Locale.ROOT);
        NetworkInfo network = created(controller().createNetwork(suffix, SETTINGS));
        assertEquals(controller().status().controllerAddress() + suffix.toLowerCase(Locale.ROOT), network.id());
        assertEquals("ztix-contract", network.name());
        assertEquals(network, controller().getNetwork(network.id()).orElseThrow());
    }

    @Test
    void networkCreatedWithoutASuffixGetsARandomIdUnderTheControllerAddress() {
        NetworkInfo first = created(controller().createNetwork(null, SETTINGS));
        NetworkInfo second = created(controller().createNetwork(null, SETTINGS));
        String address = controller().status().controllerAddress();
        assertTrue(ZeroTierIds.isNetworkId(first.id()) && first.id().startsWith(address), first.id());
        assertFalse(first.id().equals(second.id()), "two random networks got the same ID " + first.id());
    }

    @Test
    void updatingAMissingNetworkIsNotFoundRatherThanCreatingIt() {
        String missing = unknownNetworkId(networkId().substring(0, 10));
        ZeroTierException error = assertThrows(ZeroTierException.class,
                () -> controller().updateNetwork(missing, SETTINGS));
        assertEquals(Kind.NOT_FOUND, error.kind());
        assertTrue(controller().getNetwork(missing).isEmpty());
    }

    @Test
    void memberStoredInUpperCaseIsListedAndFoundInLowerCase() {
        String node = newNodeId();
        raw().send("POST", "/controller/network/" + networkId() + "/member/" + node.toUpperCase(Locale.ROOT),
                "{\"authorized\":true}");
        assertTrue(controller().listMembers(networkId()).contains(node), controller().listMembers(networkId()).toString());
        assertEquals(node, controller().getMember(networkId(), node).orElseThrow().nodeId());
        Member updated = controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("203.0.113.9"), null));
        assertEquals(List.of("203.0.113.9"), updated.ipAssignments());
    }

    @Test
    void memberSettingsAreTopLevelFieldsOnTheWire() {
        String node = newNodeId();
        controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:1"), "AS64501"));
        JsonNode wire = raw().json("GET", "/controller/network/" + networkId() + "/member/" + node, null);
        assertTrue(wire.get("authorized").asBoolean());
        assertTrue(wire.get("noAutoAssignIps").asBoolean());
        assertEquals("2001:db8:ff:0:6:4501:0:1", wire.get("ipAssignments").get(0).asText());
        assertEquals("AS64501", wire.get("name").asText());
    }

    @Test
    void networkSettingsAreTopLevelFieldsOnTheWire() {
        controller().updateNetwork(networkId(), SETTINGS);
        JsonNode wire = raw().json("GET", "/controller/network/" + networkId(), null);
        assertEquals("2001:db8:ff::/64", wire.get("routes").get(0).get("target").asText());
        assertTrue(wire.get("routes").get(0).get("via").isNull());
        assertFalse(wire.get("v6AssignMode").get("zt").asBoolean());
        assertTrue(wire.get("private").asBoolean());
    }
}
