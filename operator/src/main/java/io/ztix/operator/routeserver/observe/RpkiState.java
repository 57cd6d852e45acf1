package io.ztix.operator.routeserver.observe;

/**
 * One {@code protocol rpki} as {@code birdc show protocols all} reports it.
 *
 * @param protocol           protocol name, e.g. {@code ztix_rpki_1}
 * @param protocolState      BIRD's protocol state column ({@code up}, {@code start}, {@code down})
 * @param since              since when, as BIRD prints it
 * @param cacheStatus        the RTR cache state ({@code Established}, {@code Transport-Error}, {@code Sync-Start}...)
 * @param cacheServer        the {@code Cache server:} line (host name or address)
 * @param cachePort          the {@code Cache port:} line, null when BIRD prints none (e.g. the name did not resolve)
 * @param lastUpdateSecondsAgo {@code Last update: before N s}, null for {@code ---} (never)
 * @param roas4              routes imported into the roa4 channel, null when BIRD shows no count
 * @param roas6              routes imported into the roa6 channel, null when BIRD shows no count
 */
public record RpkiState(String protocol, String protocolState, String since, String cacheStatus, String cacheServer,
        Integer cachePort, Double lastUpdateSecondsAgo, Long roas4, Long roas6) {

    /** An Established RTR session: BIRD has the server's current ROAs. */
    public boolean inSync() {
        return "up".equals(protocolState) && "Established".equals(cacheStatus);
    }
}
