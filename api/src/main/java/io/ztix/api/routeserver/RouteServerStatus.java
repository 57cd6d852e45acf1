package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ztix.api.common.Condition;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteServerStatus {

    public Long observedGeneration;

    @JsonPropertyDescription("SHA-256 of the include file that is live on the route server.")
    public String appliedConfigHash;

    @JsonPropertyDescription("When the live configuration was last changed (RFC 3339).")
    public String lastAppliedTime;

    @JsonPropertyDescription("Stage of the last failed apply (connect, upload, check, swap, configure) "
            + "and BIRD's own message.")
    public String lastError;

    @JsonPropertyDescription("Number of member sessions configured.")
    public Integer peerCount;

    @JsonPropertyDescription("One entry per member session, with its live BGP state.")
    public List<PeerStatus> peers = new ArrayList<>();

    @JsonPropertyDescription("Per member node: how this route server's ZeroTier node reaches it (zerotier-cli -j peers).")
    public List<MemberPath> memberPaths = new ArrayList<>();

    public List<Condition> conditions = new ArrayList<>();
}
