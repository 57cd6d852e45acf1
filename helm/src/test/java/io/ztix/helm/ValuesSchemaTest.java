package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** values.schema.json: helm refuses to render bad values, naming the offending key. */
class ValuesSchemaTest {

    static List<Arguments> badValues() {
        return List.of(
                Arguments.of("operator.replicaCount", -1, "/operator/replicaCount"),
                Arguments.of("operator.replicaCount", "two", "/operator/replicaCount"),
                Arguments.of("operator.image.pullPolicy", "Sometimes", "/operator/image/pullPolicy"),
                Arguments.of("operator.logLevel", "LOUD", "/operator/logLevel"),
                Arguments.of("operator.watchNamespaces[0]", "Not_A_Namespace", "/operator/watchNamespaces/0"),
                Arguments.of("operator.leaderElection.leaseName", "", "/operator/leaderElection/leaseName"),
                Arguments.of("portal.service.port", 70000, "/portal/service/port"),
                Arguments.of("portal.oidc.authServerUrl", "http://auth.peeringdb.com/oauth2", "/portal/oidc/authServerUrl"),
                Arguments.of("portal.database.existingSecret", "", "/portal/database/existingSecret"),
                Arguments.of("portal.adminPeeringDbUserIds[0]", "alice", "/portal/adminPeeringDbUserIds/0"),
                Arguments.of("approvalPolicy.validationActions[0]", "Block", "/approvalPolicy/validationActions/0"),
                Arguments.of("approvalPolicy.approverGroups[0]", "it's", "/approvalPolicy/approverGroups/0"),
                Arguments.of("approvalPolicy.approverGroups[0]", "a\\' || true || '", "/approvalPolicy/approverGroups/0"),
                Arguments.of("approvalPolicy.trustedAppliers[0]", "o'brien", "/approvalPolicy/trustedAppliers/0"),
                Arguments.of("metrics.serviceMonitor.interval", "often", "/metrics/serviceMonitor/interval"),
                Arguments.of("portal.trustedProxies[0]", "ingress.example.net", "/portal/trustedProxies/0"),
                Arguments.of("portal.minPerms", 0, "/portal/minPerms"),
                Arguments.of("portal.quota.perAsn", -1, "/portal/quota/perAsn"),
                Arguments.of("portal.sessionSecrets.existingSecret", "", "/portal/sessionSecrets/existingSecret"),
                Arguments.of("operator.controllers.allowedHosts[0]", "http://zt.example.net", "/operator/controllers/allowedHosts/0"),
                Arguments.of("operator.secrets.sshKeys[0]", "Not_A_Name", "/operator/secrets/sshKeys/0"),
                Arguments.of("operator.replicas", 2, "replicas"));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @MethodSource("badValues")
    void badValueIsRefusedWithItsPath(String key, Object value, String reportedPath) {
        assertThatThrownBy(() -> Chart.render(sets(key, value)))
                .hasMessageContaining("schema")
                .hasMessageContaining(reportedPath);
    }

    @Test
    void denyAndWarnTogetherAreRefused() {
        assertThatThrownBy(() -> Chart.render(sets("approvalPolicy.validationActions", List.of("Deny", "Warn"))))
                .hasMessageContaining("validationActions");
    }

    @Test
    void goodValuesRender() {
        assertThatCode(() -> Chart.render(Map.of(
                "operator.replicaCount", 2,
                "operator.watchNamespaces", List.of("ix-a"),
                "portal.adminPeeringDbUserIds", List.of(4242, 4243),
                "portal.peeringdbApiKey.existingSecret", "peeringdb-api",
                "approvalPolicy.validationActions", List.of("Warn", "Audit")))).doesNotThrowAnyException();
    }
}
