package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Never-reused address counters of one ZtNetwork, kept in its status and written with optimistic
 * concurrency so that concurrent approvals cannot hand out the same number twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AddressAllocation {

    @JsonPropertyDescription("Last IPv6 sequence number handed out, per ASN (decimal string key).")
    public Map<String, Long> lastSequenceByAsn = new TreeMap<>();

    @JsonPropertyDescription("Last IPv4 host offset handed out inside peeringLan.ipv4.")
    public Long lastIpv4Offset;

    @JsonPropertyDescription("Addresses handed out but not yet seen in the JoinRequest's status (at most the "
            + "requests of the last allocation batches); they keep an interrupted allocation from handing out new numbers.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<AddressReservation> reservations = new ArrayList<>();
}
