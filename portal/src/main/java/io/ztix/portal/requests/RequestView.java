package io.ztix.portal.requests;

import java.util.List;

/**
 * A JoinRequest as a member sees it, in the member's language.
 *
 * <p>{@code acceptBlackholes} is the member's choice (spec.routing); {@code blackholesApplied} whether the route servers
 * run with it already (false only while an admitted member's record still holds the other value).
 */
public record RequestView(String name, long asn, String networkRef, String networkName, String nodeId,
        String phase, String phaseLabel, List<String> conditions, String ipv6, String ipv4,
        List<RouteServerView> routeServers, String lastError, String decision, String decisionLabel, String reason, String decidedBy,
        String requester, String created, String asSet, Long maxPrefixes4, Long maxPrefixes6,
        boolean acceptBlackholes, boolean blackholesApplied) {

    /**
     * This member on one route server.
     *
     * @param path the member's ZeroTier path to this route server in words, or null when not reported
     * @param line all of it in one line of text, technical tokens isolated left-to-right (pages and live updates)
     */
    public record RouteServerView(String name, boolean configured, String state, List<String> sessions, String path,
            String line) {
    }

    public boolean hasAddresses() {
        return ipv6 != null || ipv4 != null;
    }
}
