package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class MaxPrefixes {

    @Min(1)
    @Max(10000000)
    public Long ipv4;

    @Min(1)
    @Max(10000000)
    public Long ipv6;

    public MaxPrefixes() {
    }

    public MaxPrefixes(Long ipv4, Long ipv6) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }
}
