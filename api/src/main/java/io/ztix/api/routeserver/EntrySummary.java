package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many entries one of a RouteServer's per-member lists has in all, and how many are listed. Up to
 * {@link RouteServerStatus#LISTED} entries the list is complete; above, it lists only the entries that need
 * attention (at most {@link RouteServerStatus#LISTED}), so that the object stays far below what etcd takes (1.5 MiB)
 * at 10,000 members. Every member's own entries are always in its JoinRequest's {@code status.routeServers[]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EntrySummary {

    @JsonPropertyDescription("Entries in all (listed or not).")
    public Integer total;

    @JsonPropertyDescription("Entries per state: BGP state for sessions (Established, Active, ..., Held), reach for paths "
            + "(Direct, Relayed, Unreachable, Unknown), outcome for IRR lists (Applied, Pending, Failed, ShrunkHeld).")
    public Map<String, Integer> byState = new TreeMap<>();

    @JsonPropertyDescription("Entries that need attention: sessions not Established or held, paths not Direct, IRR lists "
            + "not Applied or with a refused AS-SET.")
    public Integer needingAttention;

    @JsonPropertyDescription("Entries in the list itself.")
    public Integer listed;

    @JsonPropertyDescription("True when there are more entries than the list may hold: it then lists only (at most 100 of) "
            + "those that need attention; each member's own are in its JoinRequest's status.routeServers[].")
    public Boolean truncated;
}
