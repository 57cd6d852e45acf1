package io.ztix.api.joinrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.decision != 'Rejected' || (has(self.reason) && self.reason.trim().size() > 0)",
        message = "a rejection needs a reason")
@ValidationRule(value = "!has(self.decidedBy) || self.decidedBy.trim().size() > 0",
        message = "decidedBy must name who decided (it is blank)")
public class Approval {

    @Required
    @JsonPropertyDescription("Approved or Rejected. Setting Rejected on an Active request revokes it.")
    public Decision decision;

    @Size(max = 1024)
    @JsonPropertyDescription("Why; required when Rejected, shown to the requester.")
    public String reason;

    @Size(max = 253)
    @JsonPropertyDescription("Who decided (Kubernetes user name, or ztix-operator for auto-approval).")
    public String decidedBy;

    @Size(max = 2)
    @JsonPropertyDescription("Findings of the operator's PeeringDB re-check (JoinRequest condition MemberCheck) that "
            + "an admin has looked at and accepts: the member is not suspended for them. Written by approvers only.")
    public List<MemberFinding> acknowledgedFindings;

    public Approval() {
    }

    public Approval(Decision decision, String reason, String decidedBy) {
        this.decision = decision;
        this.reason = reason;
        this.decidedBy = decidedBy;
    }

    public enum Decision { Approved, Rejected }
}
