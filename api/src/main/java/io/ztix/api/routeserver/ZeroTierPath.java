package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * How a route server's ZeroTier node reaches one member's node, read from {@code zerotier-cli -j peers} on the
 * route server. Health information only: it never changes membership.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ZeroTierPath {

    @JsonPropertyDescription("Direct (a live direct UDP path), Relayed (known to the route server's node, but only "
            + "through a ZeroTier relay), Unreachable (no contact) or Unknown (the path could not be read).")
    public Reach reach;

    @JsonPropertyDescription("Round-trip latency in milliseconds as the route server's node measures it; updated "
            + "only when it moves by more than 5 ms and 20 %, so that status is not rewritten on every poll.")
    public Integer latencyMs;

    @JsonPropertyDescription("ZeroTier version of the member's node, e.g. 1.14.2.")
    public String version;

    @JsonPropertyDescription("Why the path is Unknown or Unreachable.")
    public String message;

    public enum Reach { Direct, Relayed, Unreachable, Unknown }
}
