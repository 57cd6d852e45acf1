package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AssignedIps {
    public String ipv6;
    public String ipv4;

    public AssignedIps() {
    }

    public AssignedIps(String ipv6, String ipv4) {
        this.ipv6 = ipv6;
        this.ipv4 = ipv4;
    }
}
