package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What ZT-IX last confirmed about the network's flow rules on the controller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FabricStatus {

    @JsonPropertyDescription("SHA-256 (first 16 hex digits) of the compiled rules ZT-IX wants and read back.")
    public String rulesHash;

    @JsonPropertyDescription("Number of compiled rule entries (matches and actions).")
    public Integer rules;

    public FabricStatus() {
    }

    public FabricStatus(String rulesHash, Integer rules) {
        this.rulesHash = rulesHash;
        this.rules = rules;
    }
}
