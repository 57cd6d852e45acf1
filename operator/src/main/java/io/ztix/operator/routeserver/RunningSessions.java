package io.ztix.operator.routeserver;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ztix.api.routeserver.PeerStatus;
import io.ztix.operator.routeserver.apply.ProtocolState;
import io.ztix.operator.routeserver.observe.BirdObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The member sessions BIRD runs, read from BIRD's own protocol list, for a status that listed only a part of them
 * (after an operator restart, above {@link io.ztix.api.routeserver.RouteServerStatus#LISTED} members). A member
 * session's protocol is named {@code m_as<ASN>_<node>_<v4|v6>} and its JoinRequest {@code <network>-as<ASN>-<node>},
 * so a session the desired configuration no longer has still names its member (the removal guard asks about it).
 */
final class RunningSessions {

    private static final Pattern MEMBER_PROTOCOL = Pattern.compile("m_as(\\d{1,10})_([0-9a-f]{10})_(v4|v6)");

    private RunningSessions() {
    }

    /**
     * @param desired protocol -> session of the desired configuration (its address, limit and hold are taken over)
     * @param listed  what the status listed (kept as it was: its states and since when)
     */
    static List<PeerStatus> of(BirdObservation observation, Map<String, PeerStatus> desired, String network,
            List<PeerStatus> listed) {
        Map<String, PeerStatus> known = new HashMap<>();
        listed.forEach(p -> known.put(p.protocol, p));
        List<PeerStatus> sessions = new ArrayList<>();
        for (ProtocolState protocol : observation.protocols()) {
            Matcher name = MEMBER_PROTOCOL.matcher(protocol.name());
            if (!protocol.isBgp() || !name.matches()) {
                continue;
            }
            PeerStatus session = known.get(protocol.name());
            if (session == null && desired.containsKey(protocol.name())) {
                session = Serialization.clone(desired.get(protocol.name()));
            }
            if (session == null) {
                session = new PeerStatus();
                session.protocol = protocol.name();
                session.asn = Long.parseLong(name.group(1));
                session.family = name.group(3).equals("v4") ? "ipv4" : "ipv6";
                session.joinRequest = network + "-as" + name.group(1) + "-" + name.group(2);
            }
            sessions.add(session);
        }
        return sessions;
    }
}
