package io.ztix.sandbox;

import static io.ztix.portal.testsupport.FakePeeringDb.network;
import static io.ztix.portal.testsupport.FakePeeringDb.person;

import io.ztix.portal.testsupport.FakePeeringDb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ready-made logins of the sandbox's stand-in PeeringDB: {@code alice} may act for AS64501 and AS64502
 * (all perms), {@code rita} may only read AS64503, {@code uma} is not PeeringDB-verified (AS64504), {@code ada} is
 * an IX admin of the sandbox (its PeeringDB id is the portal's admin id) and acts for no network.
 */
final class StandInUsers implements FakePeeringDb.Directory {

    static final String FULL = "alice";
    static final String READ_ONLY = "rita";
    static final String UNVERIFIED = "uma";
    static final String ADMIN = "ada";
    static final long ADMIN_PEERINGDB_ID = 5009;
    static final long FULL_ASN = 64501;

    private static final int ALL_PERMS = 15;
    private static final int READ = 1;

    @Override
    public String heading() {
        return "Stand-in PeeringDB login (ZT-IX sandbox) - this is not PeeringDB";
    }

    @Override
    public List<String> listedUsers() {
        return List.of(FULL, READ_ONLY, UNVERIFIED, ADMIN);
    }

    @Override
    public Map<String, Object> identity(String user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        switch (user) {
            case FULL -> {
                person(claims, 5001, "Alice Operator", "alice@example.net", true, true);
                claims.put("networks", List.of(network(501, "Example Net", 64501, ALL_PERMS),
                        network(502, "Example Transit", 64502, ALL_PERMS)));
            }
            case READ_ONLY -> {
                person(claims, 5002, "Rita Reader", "rita@example.net", true, true);
                claims.put("networks", List.of(network(503, "Reader Net", 64503, READ)));
            }
            case UNVERIFIED -> {
                person(claims, 5003, "Uma Unverified", "uma@example.net", false, true);
                claims.put("networks", List.of(network(504, "Unverified Net", 64504, ALL_PERMS)));
            }
            case ADMIN -> {
                person(claims, ADMIN_PEERINGDB_ID, "Ada Admin (IX admin)", "ada@example.net", true, true);
                claims.put("networks", List.of());
            }
            default -> throw new IllegalArgumentException("no stand-in user " + user + "; try " + listedUsers());
        }
        return claims;
    }

    @Override
    public Map<String, Object> netRecord(long asn) {
        String name = switch ((int) asn) {
            case 64501 -> "Example Net";
            case 64502 -> "Example Transit";
            case 64503 -> "Reader Net";
            case 64504 -> "Unverified Net";
            default -> null;
        };
        if (name == null) {
            return null;
        }
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("asn", asn);
        net.put("name", name);
        net.put("irr_as_set", "AS" + asn);
        net.put("info_prefixes4", 10);
        net.put("info_prefixes6", 10);
        net.put("info_never_via_route_servers", false);
        net.put("policy_general", "Open");
        return net;
    }
}
