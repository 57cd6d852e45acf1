package io.ztix.operator.zerotier;

import io.ztix.api.network.ControllerSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.operator.zerotier.ZeroTierException.Kind;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The contract plus what only ZeroTier Central does: settings nested under "config", no creation. */
abstract class CentralControllerContract extends ZeroTierControllerContract {

    protected abstract String url();

    @Override
    protected ZeroTierController controller(Supplier<String> token) {
        return CONTROLLERS.forNetwork(ControllerSpec.Provider.Central, url(), networkId(), token);
    }

    protected RawApi raw() {
        return RawApi.central(url(), validToken());
    }

    @Test
    void creatingANetworkIsRefusedAsPermanentBecauseCentralNetworksAreAdopted() {
        ZeroTierException error = assertThrows(ZeroTierException.class,
                () -> controller().createNetwork(null, SETTINGS));
        assertEquals(Kind.PERMANENT, error.kind());
        assertTrue(error.getMessage().contains("spec.networkId"), error.getMessage());
    }

    @Test
    void memberSettingsAreNestedUnderConfigWithTheNameOnTop() {
        String node = newNodeId();
        controller().upsertMember(networkId(), node, MemberSettings.authorized(List.of("2001:db8:ff:0:6:4501:0:1"), "AS64501"));
        JsonNode wire = raw().json("GET", "/network/" + networkId() + "/member/" + node, null);
        assertTrue(wire.get("config").get("authorized").asBoolean());
        assertTrue(wire.get("config").get("noAutoAssignIps").asBoolean());
        assertEquals("2001:db8:ff:0:6:4501:0:1", wire.get("config").get("ipAssignments").get(0).asText());
        assertEquals("AS64501", wire.get("name").asText());
        assertFalse(wire.has("authorized"), "a top-level authorized is not Central's member setting");
    }

    @Test
    void networkSettingsAreNestedUnderConfig() {
        controller().updateNetwork(networkId(), SETTINGS);
        JsonNode config = raw().json("GET", "/network/" + networkId(), null).get("config");
        assertEquals("ztix-contract", config.get("name").asText());
        assertEquals("2001:db8:ff::/64", config.get("routes").get(0).get("target").asText());
        assertEquals(2800, config.get("mtu").asInt());
    }

    @Test
    void flowRulesGoUnderConfigAndTheirSourceOnTop() {
        RuleSet rules = RuleSet.compile("# readable\ndrop not ethertype ipv6;\naccept;\n");
        controller().updateNetwork(networkId(), SETTINGS.withRules(rules));
        JsonNode wire = raw().json("GET", "/network/" + networkId(), null);
        assertTrue(rules.sameAs(wire.get("config").get("rules")), wire.toString());
        assertEquals(rules.source(), wire.get("rulesSource").asText());
    }

    @Test
    void statusHasNoControllerAddress() {
        assertEquals(null, controller().status().controllerAddress());
    }
}
