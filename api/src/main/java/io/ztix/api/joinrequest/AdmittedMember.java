package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What was admitted to the exchange, written once when the member was first authorized on the ZeroTier
 * network with its addresses (and again only when an admin re-approves changed terms). Route servers are
 * configured from this record, never from the live spec or from health conditions, so an outage, an
 * unreadable or half-changed spec or an operator restart cannot change or remove a member; only a decision
 * (rejection, withdrawn approval, deletion) takes the record away.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdmittedMember {

    @JsonPropertyDescription("The ZtNetwork the member was admitted to.")
    public String networkRef;

    @JsonPropertyDescription("The ASN the sessions are built for.")
    public Long asn;

    @JsonPropertyDescription("The ZeroTier node that was authorized.")
    public String nodeId;

    @JsonPropertyDescription("The member's IPv6 address on the peering LAN.")
    public String ipv6;

    @JsonPropertyDescription("The member's IPv4 address on the peering LAN, if the LAN has IPv4.")
    public String ipv4;

    @JsonPropertyDescription("The max-prefix limits the sessions are built with.")
    public MaxPrefixes maxPrefixes;

    @JsonPropertyDescription("The AS-SET the sessions are built with.")
    public String asSet;

    @JsonPropertyDescription("The network name used in the route servers' session descriptions.")
    public String networkName;

    @JsonPropertyDescription("Whether the member receives blackhole routes (spec.routing.acceptBlackholes, the "
            + "member's own choice: taken over from the spec without a new approval).")
    public Boolean acceptBlackholes;

    @JsonPropertyDescription("The approval these terms were admitted under; changed terms need a new approval.")
    public Approval approval;

    @JsonPropertyDescription("metadata.generation of the spec that was admitted.")
    public Long generation;

    @JsonPropertyDescription("When the member was admitted (RFC 3339).")
    public String admittedAt;

    /** Addresses present: the minimum a route server needs to configure the member. */
    @JsonIgnore
    public boolean isComplete() {
        return networkRef != null && asn != null && nodeId != null && ipv6 != null;
    }
}
