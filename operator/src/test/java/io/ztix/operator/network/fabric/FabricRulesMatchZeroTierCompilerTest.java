package io.ztix.operator.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.api.network.FabricSpec;
import io.ztix.operator.zerotier.rules.RuleSet;
import io.ztix.operator.zerotier.rules.ZeroTierRuleCompiler;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator's compiled rules JSON equals what ZeroTier's own compiler (npm zerotier-rule-compiler, Central's
 * editor) makes of the same rendered text: for the defaults, for every switch on its own, all off, with route
 * servers and for an IPv6-only peering LAN.
 */
class FabricRulesMatchZeroTierCompilerTest {

    private static ZeroTierRuleCompiler zeroTier;

    @BeforeAll
    static void installZeroTiersCompiler() {
        zeroTier = ZeroTierRuleCompiler.installed();
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                variant("defaults", fabric -> { }),
                variant("onlyIpEthertypes off", fabric -> fabric.onlyIpEthertypes = false),
                variant("authenticatedSources off", fabric -> fabric.authenticatedSources = false),
                variant("authenticatedNeighborAdvertisements off", fabric -> fabric.authenticatedNeighborAdvertisements = false),
                variant("dropRouterAdvertisements off", fabric -> fabric.dropRouterAdvertisements = false),
                variant("dropDhcpServers off", fabric -> fabric.dropDhcpServers = false),
                variant("limitMulticast off", fabric -> fabric.limitMulticast = false),
                variant("two route servers", fabric -> fabric.routeServerNodeIds = List.of("ee00000002", "ee00000001")),
                variant("everything off", fabric -> {
                    fabric.onlyIpEthertypes = false;
                    fabric.authenticatedSources = false;
                    fabric.dropRouterAdvertisements = false;
                    fabric.dropDhcpServers = false;
                    fabric.limitMulticast = false;
                }));
    }

    private static Arguments variant(String name, Consumer<FabricSpec> change) {
        FabricSpec fabric = new FabricSpec();
        change.accept(fabric);
        return Arguments.of(name, fabric);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void operatorsRulesJsonEqualsZeroTiersCompilerOutput(String name, FabricSpec fabric) {
        String source = FabricRules.source(fabric, "2001:db8:ff::/64", "203.0.113.0/24");
        RuleSet ours = FabricRules.forNetwork(fabric, "2001:db8:ff::/64", "203.0.113.0/24").orElseThrow();

        JsonNode theirs = zeroTier.compile(source);

        assertThat(ours.source()).isEqualTo(source);
        assertThat(theirs.isArray()).as("ZeroTier's compiler output for %s:%n%s", name, source).isTrue();
        assertThat(ours.rules()).as("rules for %s:%n%s", name, source).isEqualTo(theirs);
    }

    @ParameterizedTest(name = "{0}, IPv6-only peering LAN")
    @MethodSource("variants")
    void ipv6OnlyPeeringLanRulesEqualZeroTiersCompilerOutput(String name, FabricSpec fabric) {
        String source = FabricRules.source(fabric, "2001:db8:ff::/64", null);

        assertThat(RuleSet.compile(source).rules()).as("rules for %s:%n%s", name, source)
                .isEqualTo(zeroTier.compile(source));
    }
}
