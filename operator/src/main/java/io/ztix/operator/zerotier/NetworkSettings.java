package io.ztix.operator.zerotier;

import io.ztix.addressing.Ipv4Lan;
import io.ztix.addressing.Ipv6Lan;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What ZT-IX wants a network to look like. Beyond these fields every network is written as private,
 * with all automatic address assignment off ({@link AssignModes#NONE}) and no assignment pools, because
 * ZT-IX assigns member addresses itself. Arrays are sent whole: the controller replaces, never merges.
 *
 * @param name   network name shown by ZeroTier
 * @param routes on-link routes (the peering LANs) so members get the right netmask
 * @param mtu    1280..10000
 * @param rules  the flow rules to keep, or null to leave the network's rules as they are
 */
public record NetworkSettings(String name, List<Route> routes, int mtu, RuleSet rules) {

    public static final boolean PRIVATE = true;
    public static final int MIN_MTU = 1280;
    public static final int MAX_MTU = 10000;

    public NetworkSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("network name is empty");
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " is outside " + MIN_MTU + ".." + MAX_MTU);
        }
        routes = List.copyOf(routes);
    }

    /** Routes for the IPv6 peering LAN and, when given, the IPv4 one, both on-link. */
    public static NetworkSettings forPeeringLan(String name, String ipv6Lan, String ipv4LanOrNull, int mtu) {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.onLink(Ipv6Lan.parse(ipv6Lan).toString()));
        if (ipv4LanOrNull != null && !ipv4LanOrNull.isBlank()) {
            routes.add(Route.onLink(Ipv4Lan.parse(ipv4LanOrNull).toString()));
        }
        return new NetworkSettings(name, routes, mtu, null);
    }

    /** These settings with the given flow rules (null: leave the rules alone). */
    public NetworkSettings withRules(RuleSet newRules) {
        return new NetworkSettings(name, routes, mtu, newRules);
    }
}
