package io.ztix.portal.admin;

import io.ztix.portal.i18n.AdminMessages;
import io.ztix.portal.i18n.RequestMessages;
import io.ztix.portal.peeringdb.NetworkFacts;
import io.ztix.portal.requests.RouterInstructions;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin should know before approving: the PeeringDB facts that will shape the route-server sessions
 * and what is missing or odd about them. Nothing is allocated or changed by looking.
 */
final class ApprovalPreview {

    private ApprovalPreview() {
    }

    static List<String> warnings(NetworkFacts facts, List<RouterInstructions.Neighbor> sessions, AdminMessages msg,
            RequestMessages req) {
        List<String> warnings = new ArrayList<>();
        if (facts == null) {
            warnings.add(msg.warning_no_peeringdb());
        } else {
            if (facts.neverViaRouteServers()) {
                warnings.add(req.review_never_via_rs());
            }
            if (facts.irrAsSet() == null || facts.irrAsSet().isBlank()) {
                warnings.add(msg.warning_no_as_set());
            }
            if (unknown(facts.infoPrefixes4()) && unknown(facts.infoPrefixes6())) {
                warnings.add(msg.warning_no_max_prefixes());
            }
        }
        if (sessions.isEmpty()) {
            warnings.add(msg.warning_no_route_servers());
        }
        return warnings;
    }

    /** PeeringDB writes 0 where the network did not say. */
    private static boolean unknown(Long prefixes) {
        return prefixes == null || prefixes == 0;
    }
}
