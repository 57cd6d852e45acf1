package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.ipv6 == oldSelf.ipv6",
        message = "peeringLan.ipv6 is immutable: changing it would renumber every member")
@ValidationRule(value = "!has(oldSelf.ipv4) || (has(self.ipv4) && self.ipv4 == oldSelf.ipv4)",
        message = "peeringLan.ipv4 can be added but not changed or removed")
public class PeeringLan {

    @Required
    @Pattern("^[0-9a-fA-F:]+/64$")
    @JsonPropertyDescription("IPv6 peering LAN, a /64 such as 2001:db8:ff::/64.")
    public String ipv6;

    @Pattern("^([0-9]{1,3}\\.){3}[0-9]{1,3}/(1[6-9]|2[0-9])$")
    @JsonPropertyDescription("Optional IPv4 peering LAN, /16 to /29, such as 203.0.113.0/24.")
    public String ipv4;

    public PeeringLan() {
    }

    public PeeringLan(String ipv6, String ipv4) {
        this.ipv6 = ipv6;
        this.ipv4 = ipv4;
    }
}
