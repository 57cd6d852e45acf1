package io.ztix.operator.testsupport;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.ztix.api.common.SecretKeyRef;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.api.joinrequest.Approval;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.Requester;
import io.ztix.api.network.ControllerSpec;
import io.ztix.api.network.PeeringLan;
import io.ztix.api.network.ZtNetwork;
import io.ztix.api.network.ZtNetworkSpec;

/** Builds the resources tests need, in plain sight: every value a test relies on is an argument. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ZtNetwork network(String namespace, String name, ZtNetworkSpec.ApprovalPolicy approval) {
        ZtNetwork network = new ZtNetwork();
        network.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        ZtNetworkSpec spec = new ZtNetworkSpec();
        spec.controller = new ControllerSpec();
        spec.controller.provider = ControllerSpec.Provider.SelfHosted;
        spec.controller.tokenSecretRef = new SecretKeyRef("zt-token", "token");
        spec.idSuffix = "000001";
        spec.peeringLan = new PeeringLan("2001:db8:ff::/64", "203.0.113.0/24");
        spec.approval = approval;
        network.setSpec(spec);
        return network;
    }

    /** A self-hosted network on the given controller URL, token in Secret zt-token/token. */
    public static ZtNetwork selfHostedNetwork(String namespace, String name, String url, String idSuffix) {
        ZtNetwork network = network(namespace, name, ZtNetworkSpec.ApprovalPolicy.Manual);
        network.getSpec().controller.url = url;
        network.getSpec().idSuffix = idSuffix;
        return network;
    }

    /** A network adopted on ZeroTier Central (or its fake) at the given URL. */
    public static ZtNetwork centralNetwork(String namespace, String name, String url, String networkId) {
        ZtNetwork network = network(namespace, name, ZtNetworkSpec.ApprovalPolicy.Manual);
        network.getSpec().controller.provider = ControllerSpec.Provider.Central;
        network.getSpec().controller.url = url;
        network.getSpec().idSuffix = null;
        network.getSpec().networkId = networkId;
        return network;
    }

    /** The controller token Secret zt-token, labelled as meant for a ZeroTier API token. */
    public static Secret tokenSecret(String namespace, String token) {
        return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName("zt-token")
                .addToLabels(SecretPurpose.LABEL, SecretPurpose.ZEROTIER_TOKEN.label()).endMetadata()
                .addToStringData("token", token).build();
    }

    public static JoinRequest request(String namespace, String networkRef, long asn, String nodeId, Requester requester) {
        JoinRequest request = new JoinRequest();
        request.setMetadata(new ObjectMetaBuilder().withNamespace(namespace)
                .withName(JoinRequest.nameFor(networkRef, asn, nodeId)).build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = asn;
        spec.networkRef = networkRef;
        spec.nodeId = nodeId;
        spec.networkName = "Example Net AS" + asn;
        spec.requester = requester;
        request.setSpec(spec);
        return request;
    }

    public static Requester peeringDbUser(long id, boolean verified) {
        Requester requester = new Requester();
        requester.peeringdbUserId = id;
        requester.name = "User " + id;
        requester.email = "user" + id + "@example.net";
        requester.verified = verified;
        return requester;
    }

    public static Approval approved(String by) {
        return new Approval(Approval.Decision.Approved, null, by);
    }

    public static Approval rejected(String reason, String by) {
        return new Approval(Approval.Decision.Rejected, reason, by);
    }
}
