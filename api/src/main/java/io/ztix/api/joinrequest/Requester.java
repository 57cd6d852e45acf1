package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.peeringdbUserId) != has(self.localUser)",
        message = "a requester is either a PeeringDB user (peeringdbUserId) or a local account (localUser)")
public class Requester {

    @JsonPropertyDescription("PeeringDB user ID of a user who logged in with PeeringDB.")
    public Long peeringdbUserId;

    @Pattern("^[a-z0-9][a-z0-9._-]{0,62}$")
    @JsonPropertyDescription("Login name of a ZT-IX local account.")
    public String localUser;

    @Size(max = 255)
    public String name;

    @Size(max = 320)
    public String email;

    @JsonPropertyDescription("True when PeeringDB vouches for the user (verified_user and email_verified).")
    public Boolean verified = Boolean.FALSE;

    /** Verified by PeeringDB (not a bean getter, so it never clashes with the {@code verified} field). */
    public boolean verifiedPeeringDbUser() {
        return Boolean.TRUE.equals(verified) && peeringdbUserId != null;
    }
}
