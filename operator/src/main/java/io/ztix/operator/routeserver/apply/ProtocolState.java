package io.ztix.operator.routeserver.apply;

/**
 * One row of {@code birdc show protocols}. {@code table} is "---" for protocols without one (BGP with several
 * channels, device); {@code since} is as BIRD prints it (e.g. "17:19:32.110" or "2026-11-25 17:19:32");
 * {@code info} is the rest of the line, e.g. "Established" or "Active        Socket: Connection refused".
 */
public record ProtocolState(String name, String proto, String table, String state, String since, String info) {

    public boolean isBgp() {
        return "BGP".equals(proto);
    }

    public boolean isUp() {
        return "up".equals(state);
    }

    /**
     * For BGP: the session state, the first word of info ("Established", "Active", "Connect", "Idle"...); a
     * disabled or stopped protocol has no info, then "Down".
     */
    public String bgpState() {
        String trimmed = info.strip();
        if (trimmed.isEmpty()) {
            return "Down";
        }
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** For BGP: what follows the session state in info (e.g. "Socket: Connection refused"), or "". */
    public String lastError() {
        String trimmed = info.strip();
        return trimmed.isEmpty() ? "" : trimmed.substring(bgpState().length()).strip();
    }

    public boolean isEstablished() {
        return isBgp() && "Established".equals(bgpState());
    }
}
