package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static io.ztix.helm.Manifests.elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.testing.config.KnownProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the chart gives a container names a configuration property that the component
 * really has (as its running application listed them: target/config-properties/, written by the portal's and the
 * operator's ConfigPropertiesRecordTest). A variable with a wrong name is silently ignored by Quarkus, which is
 * how admin ids, branding and the external URL set in values once went nowhere.
 */
class ChartEnvironmentMatchesConfigTest {

    /** Read by the images' run script, not by the application. */
    private static final Set<String> NOT_CONFIG = Set.of("JAVA_OPTS_APPEND");

    /** Every optional value set, so that every variable the chart can render is rendered. */
    private static final Map<String, Object> EVERYTHING = sets(
            "operator.watchNamespaces", List.of("ix-a"),
            "operator.controllers.allowedHosts", List.of("api.zerotier.com"),
            "portal.trustedProxies", List.of("10.42.0.0/16"),
            "portal.peeringdbApiKey.existingSecret", "pdb-api",
            "portal.sessionSecrets.previousTokenEncryptionKeys", "token-encryption-previous",
            "portal.database.migration.existingSecret", "pg-owner",
            "portal.adminPeeringDbUserIds", List.of(4242),
            "portal.branding.logoUrl", "https://ix.example.net/logo.svg",
            "portal.branding.supportEmail", "noc@ix.example.net");

    @Test
    void everyVariableOfThePortalNamesAPropertyOfThePortal() {
        List<String> properties = KnownProperties.read(RecordedCalls.configProperties("portal", "zt-ix-portal"));
        List<String> variables = variables(Chart.render(EVERYTHING).deployment("portal"));

        assertThat(variables).contains("ZTIX_PORTAL_ADMIN_PEERINGDB_IDS", "ZTIX_BRANDING_NAME", "ZTIX_BRANDING_SUPPORT_URL",
                "ZTIX_PORTAL_EXTERNAL_URL", "ZTIX_SESSION_SECRET", "ZTIX_TOKEN_ENCRYPTION_KEY",
                "ZTIX_TOKEN_ENCRYPTION_PREVIOUS_KEYS", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "QUARKUS_FLYWAY_USERNAME");
        assertThat(KnownProperties.unknown(variables, properties)).isEmpty();
    }

    @Test
    void everyVariableOfTheOperatorNamesAPropertyOfTheOperator() {
        List<String> properties = KnownProperties.read(RecordedCalls.configProperties("operator", "zt-ix-operator"));
        List<String> variables = variables(Chart.render(EVERYTHING).deployment("operator"));

        assertThat(variables).contains("ZTIX_OPERATOR_LEASE_NAME", "ZTIX_SECRETS_ZEROTIER_TOKEN_NAMES",
                "ZTIX_ZEROTIER_ALLOWED_HOSTS", "QUARKUS_OPERATOR_SDK_NAMESPACES");
        assertThat(KnownProperties.unknown(variables, properties)).isEmpty();
    }

    @Test
    void theCheckRecognisesAWrongName() {
        List<String> properties = List.of("ztix.branding.name", "ztix.portal.admin-peeringdb-ids", "quarkus.oidc.*.client-id");

        assertThat(KnownProperties.unknown(List.of("ZTIX_BRANDING_NAME", "ZTIX_PORTAL_ADMIN_PEERINGDB_IDS",
                "QUARKUS_OIDC_TENANT_A_CLIENT_ID"), properties)).isEmpty();
        assertThat(KnownProperties.unknown(List.of("ZTIX_PORTAL_BRANDING_IX_NAME", "ZTIX_PORTAL_ADMIN_PEERINGDB_USER_IDS"),
                properties)).hasSize(2);
        assertThatThrownBy(() -> KnownProperties.read(Chart.repoRoot().resolve("helm/target/no-such-recording.txt")))
                .hasMessageContaining("no config-property recording");
    }

    /** The names of every variable of every container and init container, without the user's extraEnv. */
    private static List<String> variables(JsonNode deployment) {
        List<String> names = new ArrayList<>();
        JsonNode pod = deployment.at("/spec/template/spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : elements(pod.path(list))) {
                for (JsonNode env : elements(container.path("env"))) {
                    String name = env.path("name").asText();
                    if (!NOT_CONFIG.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
