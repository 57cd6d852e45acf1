package io.ztix.api.routeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
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

    @Default("Hold")
    @JsonPropertyDescription("What a member that is not on this route server yet gets while no RTR server is in "
            + "sync (BIRD's ROA tables may be empty, so RPKI-invalid routes would pass): Hold configures its "
            + "sessions disabled until an RTR server is in sync; Configure brings them up anyway. Members already "
            + "running keep their sessions either way, and BIRD keeps the ROAs it had until they expire.")
    public NewMembersPolicy newMembersWhileNotInSync = NewMembersPolicy.Hold;

    public enum NewMembersPolicy { Hold, Configure }
}
