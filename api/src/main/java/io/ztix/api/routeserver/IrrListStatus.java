package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** One member's IRR lists on this route server: what is applied, and how the last lookup went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IrrListStatus {

    /** The lists in force are the newest the IRR gave. */
    public static final String APPLIED = "Applied";
    /** No lookup has succeeded yet: the member's routes are not checked against the IRR meanwhile. */
    public static final String PENDING = "Pending";
    /** The last lookup failed: the previous lists stay in force. */
    public static final String FAILED = "Failed";
    /** The last lookup gave a much smaller list: the previous lists stay until an admin accepts it. */
    public static final String SHRUNK_HELD = "ShrunkHeld";
    /** Condition reason (not an outcome) when a member's AS-SET text was refused. */
    public static final String AS_SET_REFUSED = "AsSetRefused";

    @JsonPropertyDescription("Name of the JoinRequest.")
    public String joinRequest;

    @JsonPropertyDescription("The IRR objects expanded (AS-SETs or the member's ASN).")
    public List<String> objects;

    @JsonPropertyDescription("Applied, Pending, Failed or ShrunkHeld.")
    public String outcome;

    @JsonPropertyDescription("True when the AS-SET text was refused (the message says why): the member's ASN is looked up "
            + "instead.")
    public Boolean asSetRefused;

    @JsonPropertyDescription("What happened, e.g. the lookup's error or why a list is held.")
    public String message;

    @JsonPropertyDescription("Origin ASNs in the applied lists.")
    public Integer originAsns;

    @JsonPropertyDescription("IPv4 prefix entries in the applied lists.")
    public Integer ipv4Entries;

    @JsonPropertyDescription("IPv6 prefix entries in the applied lists.")
    public Integer ipv6Entries;

    @JsonPropertyDescription("When the IRR gave the applied lists (RFC 3339).")
    public String refreshedTime;

    @JsonPropertyDescription("When the last lookup ended (RFC 3339).")
    public String lastAttemptTime;
}
