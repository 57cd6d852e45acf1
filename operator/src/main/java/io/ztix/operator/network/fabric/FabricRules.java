package io.ztix.operator.network.fabric;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.api.network.FabricSpec;
import io.ztix.operator.zerotier.ZeroTierIds;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The flow rules of a peering LAN: renders {@code zerotier/fabric.ztrules} (the readable rules in ZeroTier's
 * rules language, one section per protection) for a network's {@link FabricSpec} and compiles the text.
 * Only checked values reach the template: canonical prefixes and node IDs. Thread-safe.
 */
public final class FabricRules {

    static final String TEMPLATE = "zerotier/fabric.ztrules";

    private static final Template RULES = Engine.builder().addDefaults().removeStandaloneLines(true)
            .strictRendering(true).build().parse(read(TEMPLATE));

    private FabricRules() {
    }

    /**
     * The rules to keep on the network, or empty when {@code spec.fabric.manageRules} is false.
     *
     * @throws IllegalArgumentException for a malformed or duplicate route-server node ID or peering LAN
     */
    public static Optional<RuleSet> forNetwork(FabricSpec fabric, String ipv6Lan, String ipv4LanOrNull) {
        if (!on(fabric.manageRules)) {
            return Optional.empty();
        }
        return Optional.of(RuleSet.compile(source(fabric, ipv6Lan, ipv4LanOrNull)));
    }

    /** The rules text for these settings (what Central's rules editor shows). */
    public static String source(FabricSpec fabric, String ipv6Lan, String ipv4LanOrNull) {
        TemplateInstance rules = RULES.instance()
                .data("onlyIpEthertypes", on(fabric.onlyIpEthertypes))
                .data("dropRouterAdvertisements", on(fabric.dropRouterAdvertisements))
                .data("dropDhcpServers", on(fabric.dropDhcpServers))
                .data("limitMulticast", on(fabric.limitMulticast))
                .data("authenticatedSources", on(fabric.authenticatedSources))
                .data("authenticatedNeighborAdvertisements", on(fabric.authenticatedNeighborAdvertisements))
                .data("routeServerNodeIds", routeServers(fabric.routeServerNodeIds))
                .data("ipv6Lan", Ipv6Lan.parse(ipv6Lan).toString())
                .data("ipv4Lan", ipv4LanOrNull == null || ipv4LanOrNull.isBlank() ? null
                        : Ipv4Lan.parse(ipv4LanOrNull).toString());
        return rules.render();
    }

    /** Problems with the fabric settings that the schema does not catch (for the ZtNetwork's validator). */
    public static List<String> problems(FabricSpec fabric) {
        try {
            routeServers(fabric.routeServerNodeIds);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of("spec.fabric.routeServerNodeIds: " + e.getMessage());
        }
    }

    private static List<String> routeServers(List<String> nodeIds) {
        TreeSet<String> unique = new TreeSet<>();
        for (String node : nodeIds == null ? List.<String>of() : nodeIds) {
            if (!unique.add(ZeroTierIds.nodeId(node))) {
                throw new IllegalArgumentException("node ID " + node + " is listed twice");
            }
        }
        return List.copyOf(unique);
    }

    private static boolean on(Boolean value) {
        return !Boolean.FALSE.equals(value);
    }

    private static String read(String resource) {
        try (InputStream in = FabricRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
