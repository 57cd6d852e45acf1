package io.ztix.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated CRDs carry the validation and presentation the API promises. */
class CrdConventionsTest {

    private final Map<String, JsonNode> crds = Crds.byKind();

    @Test
    void joinRequestIdentityFieldsAreImmutableThroughCel() {
        List<String> rules = Crds.celRules(crds.get("JoinRequest"));
        assertThat(rules).contains(".spec.asn: self == oldSelf", ".spec.networkRef: self == oldSelf",
                ".spec.nodeId: self == oldSelf");
    }

    /** On create only: with optionalOldSelf, oldSelf has a value on every later write (see JoinRequest). */
    @Test
    void joinRequestNameIsTiedToNetworkAsnAndNodeOnCreate() {
        assertThat(Crds.celRules(crds.get("JoinRequest"))).contains(".: oldSelf.hasValue() || self.metadata.name =="
                + " self.spec.networkRef + '-as' + string(self.spec.asn) + '-' + self.spec.nodeId");
        assertThat(Crds.schema(crds.get("JoinRequest")).path("x-kubernetes-validations").get(0)
                .path("optionalOldSelf").asBoolean()).isTrue();
    }

    @Test
    void joinRequestRejectsReservedAsnsAndRejectionWithoutReason() {
        List<String> rules = Crds.celRules(crds.get("JoinRequest"));
        assertThat(rules).contains(".spec.asn: self != 23456 && self != 65535 && self != 4294967295");
        assertThat(rules).contains(".spec.nodeId: self != '0000000000' && !self.startsWith('ff')");
        assertThat(rules).anyMatch(r -> r.startsWith(".spec.approval: self.decision != 'Rejected' || (has(self.reason)"));
        JsonNode asn = Crds.schema(crds.get("JoinRequest")).at("/properties/spec/properties/asn");
        assertThat(asn.get("minimum").asLong()).isEqualTo(1);
        assertThat(asn.get("maximum").asLong()).isEqualTo(4294967295L);
        assertThat(Crds.schema(crds.get("JoinRequest")).at("/properties/spec/properties/nodeId/pattern").asText())
                .isEqualTo("^[0-9a-f]{10}$");
    }

    @Test
    void networkIdentityCannotChangeOnceSet() {
        List<String> rules = Crds.celRules(crds.get("ZtNetwork"));
        assertThat(rules).anyMatch(r -> r.startsWith(".spec: !has(oldSelf.networkId) ||"));
        assertThat(rules).anyMatch(r -> r.startsWith(".spec: !has(oldSelf.idSuffix) ||"));
        assertThat(rules).contains(".spec.controller: self.provider == oldSelf.provider",
                ".spec.peeringLan: self.ipv6 == oldSelf.ipv6");
        assertThat(Crds.celRules(crds.get("RouteServer"))).contains(".spec: self.networkRef == oldSelf.networkRef");
    }

    @Test
    void everyKindIsNamespacedWithStatusSubresourceShortNameAndReadyColumn() {
        Map<String, String> shortNames = Map.of("JoinRequest", "jr", "ZtNetwork", "ztnet", "RouteServer", "ztrs");
        assertThat(crds).containsOnlyKeys(shortNames.keySet());
        crds.forEach((kind, crd) -> {
            assertThat(crd.at("/spec/group").asText()).isEqualTo("ztix.io");
            assertThat(crd.at("/spec/scope").asText()).as(kind).isEqualTo("Namespaced");
            assertThat(crd.at("/spec/versions/0/name").asText()).isEqualTo("v1alpha1");
            assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).as(kind + " status subresource").isTrue();
            assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo(shortNames.get(kind));
            assertThat(crd.at("/spec/versions/0/additionalPrinterColumns").findValuesAsText("name")).contains("Ready", "Age");
            JsonNode condition = Crds.schema(crd).at("/properties/status/properties/conditions/items");
            assertThat(condition.at("/properties").fieldNames()).toIterable()
                    .contains("type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
            assertThat(Crds.schema(crd).at("/properties/status/properties/observedGeneration").isObject()).isTrue();
        });
    }

    @Test
    void printerColumnsShowWhatAdminsLookFor() {
        assertThat(crds.get("JoinRequest").at("/spec/versions/0/additionalPrinterColumns").findValuesAsText("name"))
                .contains("ASN", "Node", "Phase", "IPv6", "IPv4", "Ready", "Age");
        assertThat(crds.get("ZtNetwork").at("/spec/versions/0/additionalPrinterColumns").findValuesAsText("name"))
                .contains("Network ID", "Provider", "Members", "Ready", "Age");
    }

    @Test
    void routeServerHostKeyIsRequiredSoThereIsNoAcceptAnyKeyMode() {
        JsonNode ssh = Crds.schema(crds.get("RouteServer")).at("/properties/spec/properties/ssh");
        assertThat(ssh.get("required")).extracting(JsonNode::asText).contains("host", "privateKeySecretRef", "hostKey");
    }
}
