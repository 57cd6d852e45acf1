package io.ztix.operator.peeringdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztix.operator.peeringdb.PeeringDbException.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code GET /api/net} answer, which is hostile input: it must be {@code {"data": [...]}} whose entries
 * each carry an integer {@code asn} and a boolean {@code info_never_via_route_servers}. Anything else refuses the
 * whole answer (a {@link Kind#GARBAGE} failure, never "the network is gone"); entries for ASNs that were not asked
 * for are ignored.
 */
final class NetAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_ASN = 4_294_967_295L;

    private NetAnswer() {
    }

    static Map<Long, PeeringDbNet> parse(String body, Set<Long> asked) throws PeeringDbException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw garbage("the answer is not JSON");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw garbage("the answer has no \"data\" list");
        }
        Map<Long, PeeringDbNet> nets = new HashMap<>();
        for (JsonNode entry : data) {
            JsonNode asn = entry.get("asn");
            JsonNode never = entry.get("info_never_via_route_servers");
            if (asn == null || !asn.canConvertToLong() || !asn.isIntegralNumber() || asn.asLong() < 1 || asn.asLong() > MAX_ASN) {
                throw garbage("an entry has no valid \"asn\"");
            }
            if (never == null || !never.isBoolean()) {
                throw garbage("the entry of AS" + asn.asLong() + " has no boolean \"info_never_via_route_servers\"");
            }
            if (asked.contains(asn.asLong())) {
                nets.put(asn.asLong(), new PeeringDbNet(asn.asLong(), never.asBoolean()));
            }
        }
        return nets;
    }

    private static PeeringDbException garbage(String why) {
        return new PeeringDbException(Kind.GARBAGE, "PeeringDB answered something unusable: " + why);
    }
}
