package io.ztix.operator.lookingglass;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One route as the looking glass answers it, in birdwatcher's shape (network, gateway, from_protocol, age, primary,
 * metric, bgp{...}) plus what ZT-IX adds: whether the route server filtered it, its RPKI state and the reject
 * reasons read from its large communities.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Route(
        String network,
        String gateway,
        @JsonProperty("from_protocol") String fromProtocol,
        String age,
        boolean primary,
        Integer metric,
        Bgp bgp,
        boolean filtered,
        String rpki,
        @JsonProperty("reject_reasons") List<Reason> rejectReasons) {

    /** The BGP attributes, named as birdwatcher names them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bgp(
            String origin,
            @JsonProperty("as_path") List<String> asPath,
            @JsonProperty("next_hop") String nextHop,
            @JsonProperty("local_pref") String localPref,
            String med,
            List<List<Long>> communities,
            @JsonProperty("large_communities") List<List<Long>> largeCommunities,
            @JsonProperty("ext_communities") List<String> extCommunities) {
    }

    /** A reject reason: the community, the table's name for it (e.g. PREFIX_TOO_LONG) and its English meaning. */
    public record Reason(List<Long> community, String code, String meaning) {
    }

    Route annotated(boolean filtered, String rpki, List<Reason> reasons) {
        return new Route(network, gateway, fromProtocol, age, primary, metric, bgp, filtered, rpki, List.copyOf(reasons));
    }
}
