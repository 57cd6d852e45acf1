package io.ztix.portal.ixf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.routeserver.RouteServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an IX-F Member Export 1.0 document: one VLAN per ZtNetwork, one member per ASN with an Active
 * JoinRequest (one connection per request; a withdrawn request, still being removed, is left out), and the route servers as members of type "ixp". No personal
 * contact data is exported.
 */
public final class MemberExport {

    public static final String VLAN_ID_ANNOTATION = "ztix.io/ixf-vlan-id";

    private MemberExport() {
    }

    public static ObjectNode build(ObjectMapper mapper, IxfConfig config, List<ZtNetwork> networks,
            List<JoinRequest> requests, List<RouteServer> routeServers, Instant now) {
        Map<String, Integer> vlanIds = vlanIds(networks);
        ObjectNode root = mapper.createObjectNode();
        root.put("version", "1.0");
        root.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode ixp = root.putArray("ixp_list").addObject();
        ixp.put("ixp_id", config.ixpId());
        ixp.put("ixf_id", config.ixfId());
        ixp.put("shortname", config.shortname());
        config.name().ifPresent(n -> ixp.put("name", n));
        config.country().ifPresent(c -> ixp.put("country", c));
        config.url().ifPresent(u -> ixp.put("url", u));
        config.peeringdbId().ifPresent(id -> ixp.put("peeringdb_id", id));
        ixp.putArray("switch");
        ArrayNode vlans = ixp.putArray("vlan");
        for (ZtNetwork network : networks) {
            ObjectNode vlan = vlans.addObject();
            vlan.put("id", vlanIds.get(network.getMetadata().getName()));
            vlan.put("name", network.getSpec().effectiveName(network.getMetadata().getName()));
            if (network.getSpec().peeringLan != null) {
                prefix(vlan, "ipv6", network.getSpec().peeringLan.ipv6);
                prefix(vlan, "ipv4", network.getSpec().peeringLan.ipv4);
            }
        }
        ArrayNode members = root.putArray("member_list");
        Map<Long, List<JoinRequest>> byAsn = new TreeMap<>();
        for (JoinRequest r : requests) {
            if (r.getStatus() != null && r.getStatus().phase == Phase.Active && r.getSpec() != null
                    && r.getMetadata().getDeletionTimestamp() == null && vlanIds.containsKey(r.getSpec().networkRef)) {
                byAsn.computeIfAbsent(r.getSpec().asn, a -> new ArrayList<>()).add(r);
            }
        }
        byAsn.forEach((asn, list) -> member(members, config, asn, list, vlanIds));
        Map<Long, List<RouteServer>> serversByAsn = new TreeMap<>();
        for (RouteServer rs : routeServers) {
            if (rs.getSpec() != null && vlanIds.containsKey(rs.getSpec().networkRef)) {
                serversByAsn.computeIfAbsent(rs.getSpec().asn, a -> new ArrayList<>()).add(rs);
            }
        }
        serversByAsn.forEach((asn, list) -> routeServers(members, config, asn, list, vlanIds));
        return root;
    }

    private static void member(ArrayNode members, IxfConfig config, long asn, List<JoinRequest> requests,
            Map<String, Integer> vlanIds) {
        ObjectNode member = members.addObject();
        member.put("asnum", asn);
        member.put("member_type", "peering");
        requests.stream().map(r -> r.getSpec().networkName).filter(n -> n != null && !n.isBlank()).findFirst()
                .ifPresent(n -> member.put("name", n));
        ArrayNode connections = member.putArray("connection_list");
        for (JoinRequest r : requests) {
            ObjectNode connection = connections.addObject();
            connection.put("ixp_id", config.ixpId());
            connection.put("state", "active");
            connection.putArray("if_list");
            ObjectNode vlan = connection.putArray("vlan_list").addObject();
            vlan.put("vlan_id", vlanIds.get(r.getSpec().networkRef));
            if (r.getStatus().assignedIps != null) {
                Long max6 = r.getSpec().maxPrefixes == null ? null : r.getSpec().maxPrefixes.ipv6;
                Long max4 = r.getSpec().maxPrefixes == null ? null : r.getSpec().maxPrefixes.ipv4;
                address(vlan, "ipv6", r.getStatus().assignedIps.ipv6, r.getSpec().asSet, max6);
                address(vlan, "ipv4", r.getStatus().assignedIps.ipv4, r.getSpec().asSet, max4);
            }
        }
    }

    /** The IX's route servers with one ASN: one member of type "ixp", one connection per server. */
    private static void routeServers(ArrayNode members, IxfConfig config, long asn, List<RouteServer> servers,
            Map<String, Integer> vlanIds) {
        ObjectNode member = members.addObject();
        member.put("asnum", asn);
        member.put("member_type", "ixp");
        member.put("name", config.shortname() + " route servers");
        ArrayNode connections = member.putArray("connection_list");
        for (RouteServer rs : servers) {
            ObjectNode connection = connections.addObject();
            connection.put("ixp_id", config.ixpId());
            connection.put("state", "active");
            connection.putArray("if_list");
            ObjectNode vlan = connection.putArray("vlan_list").addObject();
            vlan.put("vlan_id", vlanIds.get(rs.getSpec().networkRef));
            if (rs.getSpec().peeringAddresses != null) {
                service(vlan, "ipv6", rs.getSpec().peeringAddresses.ipv6);
                service(vlan, "ipv4", rs.getSpec().peeringAddresses.ipv4);
            }
        }
    }

    private static void address(ObjectNode vlan, String family, String address, String asSet, Long maxPrefix) {
        if (address == null || address.isBlank()) {
            return;
        }
        ObjectNode node = vlan.putObject(family);
        node.put("address", withoutLength(address));
        if (asSet != null && !asSet.isBlank()) {
            node.put("as_macro", asSet.trim().split("\\s+")[0]);
        }
        if (maxPrefix != null) {
            node.put("max_prefix", maxPrefix);
        }
        node.put("routeserver", true);
    }

    private static void service(ObjectNode vlan, String family, String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        ObjectNode node = vlan.putObject(family);
        node.put("address", withoutLength(address));
        ObjectNode service = node.putArray("services").addObject();
        service.put("type", "ixrouteserver");
        service.put("daemon", "BIRD");
        service.put("daemon_version", "2");
    }

    private static void prefix(ObjectNode vlan, String family, String cidr) {
        if (cidr == null || !cidr.contains("/")) {
            return;
        }
        ObjectNode node = vlan.putObject(family);
        node.put("prefix", cidr.substring(0, cidr.indexOf('/')));
        node.put("mask_length", Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)));
    }

    private static String withoutLength(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address.trim() : address.substring(0, slash).trim();
    }

    /** Stable VLAN ids: the annotation when set, else the position in name order (after annotated ones). */
    static Map<String, Integer> vlanIds(List<ZtNetwork> networks) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int next = 1;
        for (ZtNetwork n : networks) {
            String annotated = n.getMetadata().getAnnotations() == null ? null
                    : n.getMetadata().getAnnotations().get(VLAN_ID_ANNOTATION);
            if (annotated != null && annotated.matches("\\d{1,9}")) {
                ids.put(n.getMetadata().getName(), Integer.parseInt(annotated));
            }
        }
        for (ZtNetwork n : networks) {
            if (!ids.containsKey(n.getMetadata().getName())) {
                while (ids.containsValue(next)) {
                    next++;
                }
                ids.put(n.getMetadata().getName(), next++);
            }
        }
        return ids;
    }
}
