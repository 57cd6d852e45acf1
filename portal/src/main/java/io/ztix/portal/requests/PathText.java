package io.ztix.portal.requests;

import io.ztix.api.routeserver.ZeroTierPath;
import io.ztix.portal.i18n.Bidi;
import io.ztix.portal.i18n.StatusMessages;

/** A member's ZeroTier path to one route server in words: "your router reaches rs1 directly, 12 ms". */
final class PathText {

    private PathText() {
    }

    /** The sentence for the path, or null when the route server has not reported one. */
    static String of(String routeServer, ZeroTierPath path, StatusMessages msg) {
        if (path == null || path.reach == null) {
            return null;
        }
        String rs = Bidi.ltr(routeServer);
        String version = path.version == null ? "" : " (" + Bidi.ltr("ZeroTier " + path.version) + ")";
        return switch (path.reach) {
            case Direct -> (path.latencyMs == null ? msg.path_direct_unmeasured(rs)
                    : msg.path_direct(rs, path.latencyMs)) + version;
            case Relayed -> msg.path_relayed(rs) + version;
            case Unreachable -> msg.path_unreachable(rs);
            case Unknown -> msg.path_unknown(rs);
        };
    }
}
