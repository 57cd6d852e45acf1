package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RpkiSpec {

    @Required
    @Size(min = 1, max = 8)
    @JsonPropertyDescription("RTR servers (RFC 8210), e.g. StayRTR or Routinator. At least one: without "
            + "an RTR feed every route is RPKI-unknown and nothing is filtered.")
    public List<RtrServer> servers = new ArrayList<>();
}
