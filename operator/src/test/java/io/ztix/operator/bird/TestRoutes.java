package io.ztix.operator.bird;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code protocol static} blocks whose routes carry BGP attributes, so that a member's real
 * import filter can be applied to them in a {@link BirdDaemon} without a BGP session.
 *
 * <p>The prefixes these tests expect to be accepted must be public address space, because the filters
 * under test reject documentation prefixes as bogons. They only ever exist as entries in the RIB of a
 * BIRD daemon that runs in an empty network namespace without a kernel protocol: nothing is routed.
 */
final class TestRoutes {

    private final String protocol;
    private final String channel;
    private final List<String> routes = new ArrayList<>();
    private boolean disabled;

    private TestRoutes(String protocol, String channel) {
        this.protocol = protocol;
        this.channel = channel;
    }

    /** Routes imported into the main IPv4/IPv6 table through {@code importFilter}, keeping the rejected ones. */
    static TestRoutes through(String protocol, String family, String importFilter) {
        return new TestRoutes(protocol, family + " { import keep filtered on; import filter " + importFilter + "; };");
    }

    /** Routes of a member's own BIRD, imported unfiltered into its main table. */
    static TestRoutes plain(String protocol, String family) {
        return new TestRoutes(protocol, family + ";");
    }

    /** Starts the protocol disabled ({@code birdc enable <name>} announces its routes later). */
    TestRoutes disabled() {
        disabled = true;
        return this;
    }

    /** ROA entries for the route server's ROA table, instead of an RTR feed. */
    static TestRoutes roas(String protocol, String family) {
        return new TestRoutes(protocol, "roa" + family.substring(3) + " { table ztix_roa" + family.substring(3) + "; };");
    }

    /** ASPA records for the route server's ASPA table, instead of an RTR feed (BIRD 2.16+ and 3.x). */
    static TestRoutes aspas(String protocol) {
        return new TestRoutes(protocol, "aspa { table ztix_aspa; };");
    }

    /** An ASPA record: {@code customer} authorises exactly {@code providers} as its upstreams. */
    TestRoutes aspa(long customer, long... providers) {
        StringBuilder list = new StringBuilder();
        for (long provider : providers) {
            list.append(list.isEmpty() ? "" : ", ").append(provider);
        }
        routes.add("  route aspa " + customer + " providers " + list + ";");
        return this;
    }

    /** A route with NEXT_HOP {@code nextHop}, AS_PATH {@code path} (first AS first) and extra filter statements. */
    TestRoutes route(String prefix, String nextHop, long[] path, String... statements) {
        StringBuilder route = new StringBuilder("  route ").append(prefix).append(" blackhole { bgp_next_hop = ")
                .append(nextHop).append(";");
        for (int i = path.length - 1; i >= 0; i--) {
            route.append(" bgp_path.prepend(").append(path[i]).append(");");
        }
        for (String statement : statements) {
            route.append(' ').append(statement).append(';');
        }
        routes.add(route.append(" };").toString());
        return this;
    }

    /** A route of a member's BIRD learnt from {@code origins} (nearest first): its BGP session adds its own ASN. */
    TestRoutes routeFrom(String prefix, long... origins) {
        StringBuilder route = new StringBuilder("  route ").append(prefix).append(" blackhole {");
        for (int i = origins.length - 1; i >= 0; i--) {
            route.append(" bgp_path.prepend(").append(origins[i]).append(");");
        }
        routes.add(route.append(" };").toString());
        return this;
    }

    /** A route without BGP attributes, as a member's own BIRD originates it. */
    TestRoutes route(String prefix) {
        routes.add("  route " + prefix + " blackhole;");
        return this;
    }

    TestRoutes roa(String prefix, int maxLength, long asn) {
        routes.add("  route " + prefix + " max " + maxLength + " as " + asn + ";");
        return this;
    }

    static long[] path(long... asns) {
        return asns;
    }

    String render() {
        return "protocol static " + protocol + " {\n  " + channel + "\n" + (disabled ? "  disabled;\n" : "")
                + String.join("\n", routes) + "\n}\n\n";
    }
}
