package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Addresses handed out to one JoinRequest in an allocation batch but perhaps not yet recorded in that
 * request's status. Written together with the counters in the same optimistic-concurrency write, so an
 * operator stopped between the two writes finds the request's numbers here and hands out the same ones
 * again instead of new ones. Dropped once the request shows them (or is gone); the numbers stay used.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AddressReservation {

    @JsonPropertyDescription("Name of the JoinRequest the addresses were handed out to.")
    public String request;

    @JsonPropertyDescription("metadata.uid of that JoinRequest (a re-created request with the same name gets new numbers).")
    public String uid;

    @JsonPropertyDescription("The ASN the IPv6 sequence number belongs to.")
    public Long asn;

    @JsonPropertyDescription("IPv6 sequence number handed out.")
    public Long sequence;

    @JsonPropertyDescription("IPv4 address handed out, if the network has an IPv4 LAN.")
    public String ipv4;

    @JsonPropertyDescription("When the addresses were handed out (RFC 3339).")
    public String reservedAt;

    public AddressReservation() {
    }

    public AddressReservation(String request, String uid, long asn, long sequence, String ipv4, String reservedAt) {
        this.request = request;
        this.uid = uid;
        this.asn = asn;
        this.sequence = sequence;
        this.ipv4 = ipv4;
        this.reservedAt = reservedAt;
    }
}
