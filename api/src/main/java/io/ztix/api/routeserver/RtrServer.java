package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RtrServer {

    @Required
    @Pattern("^[A-Za-z0-9.:-]+$")
    @JsonPropertyDescription("Host name or address of the RTR server, as seen from the route server.")
    public String host;

    @Min(1)
    @Max(65535)
    @Default("323")
    @JsonPropertyDescription("RTR port (IANA 323; StayRTR defaults to 8282, Routinator to 3323).")
    public Integer port = 323;

    public RtrServer() {
    }

    public RtrServer(String host, int port) {
        this.host = host;
        this.port = port;
    }
}
