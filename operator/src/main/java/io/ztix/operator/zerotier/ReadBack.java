package io.ztix.operator.zerotier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ztix.addressing.IpLiterals;
import io.ztix.operator.zerotier.rules.RuleSet;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what a controller returned after a write with what was sent, for every field ZT-IX owns.
 * Controllers answer 200 even when they ignored a value, so this is the only way to notice.
 */
final class ReadBack {

    private ReadBack() {
    }

    /** @param expectedId the network ID written to, or null when the controller chose it */
    static void verifyNetwork(String expectedId, NetworkSettings sent, NetworkInfo returned) {
        String object = "network " + returned.id();
        if (expectedId != null && !ZeroTierIds.same(expectedId, returned.id())) {
            throw new ReadBackMismatchException(object, "id", expectedId, returned.id());
        }
        same(object, "name", sent.name(), returned.name());
        same(object, "private", NetworkSettings.PRIVATE, returned.privateNetwork());
        same(object, "routes", routes(sent.routes()), routes(returned.routes()));
        same(object, "mtu", sent.mtu(), returned.mtu());
        same(object, "v4AssignMode/v6AssignMode", AssignModes.NONE, returned.assignModes());
        same(object, "ipAssignmentPools", Set.of(), Set.copyOf(returned.ipAssignmentPools()));
        if (sent.rules() != null && !sent.rules().sameAs(returned.rules())) {
            throw new ReadBackMismatchException(object, "rules", sent.rules().toString(), describeRules(returned.rules()));
        }
    }

    private static String describeRules(JsonNode rules) {
        return rules.isArray() ? new RuleSet("", (ArrayNode) rules).toString() : "no rules array";
    }

    static void verifyMember(String networkId, String nodeId, MemberSettings sent, Member returned) {
        String object = "member " + returned.nodeId() + " of network " + networkId;
        if (!ZeroTierIds.same(nodeId, returned.nodeId())) {
            throw new ReadBackMismatchException(object, "id", nodeId, returned.nodeId());
        }
        same(object, "authorized", sent.authorized(), returned.authorized());
        same(object, "ipAssignments", addresses(sent.ipAssignments()), addresses(returned.ipAssignments()));
        same(object, "noAutoAssignIps", sent.noAutoAssignIps(), returned.noAutoAssignIps());
        if (sent.name() != null) {
            same(object, "name", sent.name(), returned.name());
        }
    }

    private static void same(String object, String field, Object sent, Object returned) {
        if (!Objects.equals(sent, returned)) {
            throw new ReadBackMismatchException(object, field, String.valueOf(sent), String.valueOf(returned));
        }
    }

    private static Set<String> addresses(Collection<String> addresses) {
        Set<String> canonical = new TreeSet<>();
        addresses.forEach(address -> canonical.add(IpLiterals.canonicalOrSelf(address)));
        return canonical;
    }

    private static Set<String> routes(Collection<Route> routes) {
        Set<String> canonical = new TreeSet<>();
        for (Route route : routes) {
            canonical.add(IpLiterals.canonicalOrSelf(route.target())
                    + (route.via() == null ? "" : " via " + IpLiterals.canonicalOrSelf(route.via())));
        }
        return canonical;
    }
}
