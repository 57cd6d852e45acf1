package io.ztix.api.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.networkId) && has(self.idSuffix))",
        message = "set either networkId (adopt an existing network) or idSuffix (create one), not both")
@ValidationRule(value = "self.controller.provider != 'Central' || has(self.networkId)",
        message = "a Central network must be adopted: set networkId")
@ValidationRule(value = "self.controller.provider != 'Central' || !has(self.idSuffix)",
        message = "idSuffix applies to self-hosted controllers only")
@ValidationRule(value = "!has(oldSelf.networkId) || (has(self.networkId) && self.networkId == oldSelf.networkId)",
        message = "networkId is immutable once set")
@ValidationRule(value = "!has(oldSelf.idSuffix) || (has(self.idSuffix) && self.idSuffix == oldSelf.idSuffix)",
        message = "idSuffix is immutable once set")
public class ZtNetworkSpec {

    @Required
    @JsonPropertyDescription("The ZeroTier controller that owns the network.")
    public ControllerSpec controller;

    @Pattern("^[0-9a-f]{16}$")
    @JsonPropertyDescription("Adopt this existing network (16 lower-case hex digits). Required for Central.")
    public String networkId;

    @Pattern("^[0-9a-f]{6}$")
    @JsonPropertyDescription("Self-hosted only: create the network <controller address><idSuffix>. "
            + "Without networkId and idSuffix a network with a random ID is created and recorded in status.")
    public String idSuffix;

    @Size(min = 1, max = 127)
    @JsonPropertyDescription("ZeroTier network name; defaults to metadata.name.")
    public String name;

    @Size(max = 1024)
    @JsonPropertyDescription("Free text shown to members in the portal.")
    public String description;

    @Required
    @JsonPropertyDescription("Addressing of the peering LAN.")
    public PeeringLan peeringLan;

    /** The MTU of a physical IX port; ZeroTier's own default (2800) was ZT-IX's before issue 17. */
    public static final int DEFAULT_MTU = 1500;

    @Min(1280)
    @Max(10000)
    @Default("1500")
    @JsonPropertyDescription("MTU of the ZeroTier network (1280..10000; IPv6 needs at least 1280). 1500 as on a "
            + "physical IX. Networks created before the default changed keep the 2800 stored in their spec.")
    public Integer mtu = DEFAULT_MTU;

    @JsonPropertyDescription("Port security of the peering LAN as ZeroTier flow rules; every protection is on by default.")
    public FabricSpec fabric = new FabricSpec();

    @Default("Manual")
    @JsonPropertyDescription("Manual: an admin decides every JoinRequest. AutoForVerified: requests from "
            + "PeeringDB-verified users are approved by the operator.")
    public ApprovalPolicy approval = ApprovalPolicy.Manual;

    @JsonPropertyDescription("What a re-check of an admitted member against PeeringDB (its network is gone, or now "
            + "never via route servers) does: report only (default) or suspend the member's sessions; and whether a "
            + "request from a never-via-route-servers network is held for an admin (default) or refused.")
    public MemberChecksSpec memberChecks = new MemberChecksSpec();

    @Default("true")
    @JsonPropertyDescription("Whether the portal offers this network for new join requests.")
    public Boolean openForRequests = Boolean.TRUE;

    /** The MTU to configure: spec.mtu, else the default. */
    public int effectiveMtu() {
        return mtu == null ? DEFAULT_MTU : mtu;
    }

    /** The fabric settings, defaults when spec.fabric is absent. */
    public FabricSpec effectiveFabric() {
        return fabric == null ? new FabricSpec() : fabric;
    }

    /** The member-check settings, defaults when spec.memberChecks is absent. */
    public MemberChecksSpec effectiveMemberChecks() {
        return memberChecks == null ? new MemberChecksSpec() : memberChecks;
    }

    /** Name used on the controller: spec.name, else the resource name. */
    public String effectiveName(String resourceName) {
        return name != null && !name.isBlank() ? name : resourceName;
    }

    public enum ApprovalPolicy { Manual, AutoForVerified }
}
