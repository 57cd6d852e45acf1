package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static io.ztix.helm.Manifests.elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Everything a rendered manifest refers to exists, and what the chart asks the user to create matches what it uses. */
class ChartReferencesTest {

    private static final Map<String, Object> EVERYTHING_ON = sets(
            "portal.peeringdbApiKey.existingSecret", "peeringdb-api",
            "portal.ingress.enabled", true,
            "metrics.serviceMonitor.enabled", true,
            "operator.watchNamespaces", List.of("ix-a", "ix-b"),
            "imagePullSecrets", List.of("registry-login"));

    @Test
    void everyServiceAccountReferencedIsRendered() {
        for (Manifests manifests : List.of(Chart.renderDefaults(), Chart.render(EVERYTHING_ON))) {
            List<String> accounts = manifests.ofKind("ServiceAccount").stream()
                    .map(a -> Manifests.namespace(a) + "/" + Manifests.name(a)).toList();
            for (JsonNode deployment : manifests.ofKind("Deployment")) {
                assertThat(accounts).contains(Manifests.namespace(deployment) + "/"
                        + deployment.at("/spec/template/spec/serviceAccountName").asText());
            }
            for (String kind : List.of("RoleBinding", "ClusterRoleBinding")) {
                for (JsonNode binding : manifests.ofKind(kind)) {
                    for (JsonNode subject : elements(binding.path("subjects"))) {
                        assertThat(accounts).as(kind + " " + Manifests.name(binding))
                                .contains(subject.path("namespace").asText() + "/" + subject.path("name").asText());
                    }
                    String roleKind = binding.at("/roleRef/kind").asText();
                    String roleName = binding.at("/roleRef/name").asText();
                    assertThat(manifests.ofKind(roleKind)).as(kind + " " + Manifests.name(binding) + " -> " + roleName)
                            .anyMatch(r -> Manifests.name(r).equals(roleName)
                                    && (roleKind.equals("ClusterRole") || Manifests.namespace(r).equals(Manifests.namespace(binding))));
                }
            }
        }
    }

    @Test
    void admissionPolicyNamesTheServiceAccountsThePodsRunAs() {
        Manifests manifests = Chart.render(sets("operator.serviceAccount.name", "ix-operator", "portal.serviceAccount.name", "ix-portal"));
        String policy = manifests.one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval").toString();

        for (String component : List.of("operator", "portal")) {
            String account = manifests.deployment(component).at("/spec/template/spec/serviceAccountName").asText();
            assertThat(account).isEqualTo("ix-" + component);
            assertThat(policy).contains("'system:serviceaccount:" + Chart.NAMESPACE + ":" + account + "'");
        }
    }

    @Test
    void deploymentsSelectTheirOwnPods() {
        for (JsonNode deployment : Chart.renderDefaults().ofKind("Deployment")) {
            assertThat(Workloads.selects(deployment.at("/spec/selector/matchLabels"), deployment.at("/spec/template/metadata/labels")))
                    .as(Manifests.name(deployment)).isTrue();
        }
    }

    @Test
    void portalReadsEverySecretFromTheSecretAndKeyConfiguredInValues() {
        Manifests manifests = Chart.render(sets(
                "portal.database.existingSecret", "pg", "portal.database.passwordKey", "pw",
                "portal.oidc.clientSecret.existingSecret", "pdb-oauth", "portal.oidc.clientSecret.key", "secret",
                "portal.peeringdbApiKey.existingSecret", "pdb-api",
                "portal.sessionSecrets.previousTokenEncryptionKeys", "token-previous"));

        assertThat(secretRefs(manifests.deployment("portal"))).containsExactlyInAnyOrder(
                "QUARKUS_DATASOURCE_JDBC_URL=pg/jdbc-url",
                "QUARKUS_DATASOURCE_USERNAME=pg/username",
                "QUARKUS_DATASOURCE_PASSWORD=pg/pw",
                "QUARKUS_OIDC_CREDENTIALS_SECRET=pdb-oauth/secret",
                "ZTIX_PEERINGDB_API_KEY=pdb-api/api-key",
                "ZTIX_SESSION_SECRET=zt-ix-portal-secrets/session",
                "ZTIX_OIDC_STATE_SECRET=zt-ix-portal-secrets/oidc-state",
                "ZTIX_TOKEN_ENCRYPTION_KEY=zt-ix-portal-secrets/token-encryption",
                "ZTIX_TOKEN_ENCRYPTION_PREVIOUS_KEYS=zt-ix-portal-secrets/token-previous");
        assertThat(secretRefs(Chart.renderDefaults().deployment("portal")))
                .as("without a PeeringDB API key Secret the variable is left out").noneMatch(r -> r.startsWith("ZTIX_PEERINGDB_API_KEY"))
                .as("without previous token keys the variable is left out").noneMatch(r -> r.startsWith("ZTIX_TOKEN_ENCRYPTION_PREVIOUS"));
        assertThat(secretRefs(manifests.deployment("operator"))).as("the operator reads its Secrets through the API").isEmpty();
    }

    @Test
    void portalGetsItsSettingsFromValues() {
        Map<String, String> env = ChartRendersTest.env(ChartRendersTest.container(Chart.render(sets(
                "portal.oidc.clientId", "client-123", "portal.adminPeeringDbUserIds", List.of(4242, 17),
                "portal.branding.ixName", "Virtual IX", "portal.resourceNamespace", "ix-a")).deployment("portal")));

        assertThat(env).containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://auth.peeringdb.com/oauth2")
                .containsEntry("QUARKUS_OIDC_CLIENT_ID", "client-123")
                .containsEntry("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME", "true")
                .containsEntry("ZTIX_PORTAL_ADMIN_PEERINGDB_IDS", "4242,17")
                .containsEntry("ZTIX_BRANDING_NAME", "Virtual IX")
                .containsEntry("ZTIX_PORTAL_NAMESPACE", "ix-a")
                .containsEntry("ZTIX_PORTAL_MIN_PERMS", "2")
                .containsEntry("ZTIX_PORTAL_WITHDRAW_APPROVED_PERMS", "8");
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromTheConfiguredProxies() {
        Map<String, String> byDefault = ChartRendersTest.env(ChartRendersTest.container(Chart.renderDefaults().deployment("portal")));
        assertThat(byDefault).as("nobody configured: forwarded headers are ignored")
                .doesNotContainKeys("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED");
        assertThat(Chart.notes(Map.of())).contains("WARNING: portal.trustedProxies is empty");

        Map<String, String> behindIngress = ChartRendersTest.env(ChartRendersTest.container(Chart.render(sets(
                "portal.trustedProxies", List.of("10.42.0.0/16", "fd00:42::/64"))).deployment("portal")));
        assertThat(behindIngress).containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                .containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "10.42.0.0/16,fd00:42::/64");
    }

    @Test
    void withAnOwnerSecretAnInitContainerMigratesAsTheOwnerAndThePortalRunsWithoutIt() {
        JsonNode pod = Chart.render(sets("portal.database.migration.existingSecret", "pg-owner")).deployment("portal")
                .at("/spec/template/spec");
        JsonNode migrate = elements(pod.path("initContainers")).get(0);
        Map<String, String> migrateEnv = ChartRendersTest.env(migrate);
        assertThat(migrateEnv).containsEntry("QUARKUS_INIT_AND_EXIT", "true").containsKeys("QUARKUS_FLYWAY_USERNAME",
                "QUARKUS_FLYWAY_PASSWORD", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME");
        Map<String, String> portalEnv = ChartRendersTest.env(ChartRendersTest.container(
                Chart.render(sets("portal.database.migration.existingSecret", "pg-owner")).deployment("portal")));
        assertThat(portalEnv).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                .doesNotContainKeys("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
        assertThat(Chart.notes(sets("portal.database.migration.existingSecret", "pg-owner")))
                .contains("create secret generic pg-owner").doesNotContain("portal.database.migration.existingSecret is empty");
        assertThat(Chart.renderDefaults().deployment("portal").at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
    }

    @Test
    void notificationsTakeTheSmtpAccountAndTheWebhookKeyFromSecretsAndTheRestFromValues() {
        Manifests manifests = Chart.render(sets("portal.notifications.email.enabled", true,
                "portal.notifications.email.host", "smtp.example.net", "portal.notifications.email.existingSecret", "smtp",
                "portal.notifications.adminEmail", "noc@example.net", "portal.notifications.adminLanguage", "he",
                "portal.notifications.webhooks.urls", List.of("https://hooks.example.net/a", "https://hooks.example.net/b"),
                "portal.notifications.webhooks.existingSecret", "hook-key"));
        assertThat(secretRefs(manifests.deployment("portal"))).contains("QUARKUS_MAILER_USERNAME=smtp/username",
                "QUARKUS_MAILER_PASSWORD=smtp/password", "ZTIX_NOTIFICATIONS_WEBHOOK_SECRET=hook-key/secret");
        Map<String, String> env = ChartRendersTest.env(ChartRendersTest.container(manifests.deployment("portal")));
        assertThat(env).containsEntry("ZTIX_NOTIFICATIONS_EMAIL_ENABLED", "true")
                .containsEntry("QUARKUS_MAILER_HOST", "smtp.example.net").containsEntry("QUARKUS_MAILER_PORT", "587")
                .containsEntry("QUARKUS_MAILER_START_TLS", "REQUIRED")
                .containsEntry("ZTIX_NOTIFICATIONS_ADMIN_EMAIL", "noc@example.net")
                .containsEntry("ZTIX_NOTIFICATIONS_ADMIN_LANGUAGE", "he")
                .containsEntry("ZTIX_NOTIFICATIONS_WEBHOOK_URLS", "https://hooks.example.net/a,https://hooks.example.net/b")
                .containsEntry("ZTIX_NOTIFICATIONS_PORTAL_URL", "https://portal.example.net");
        assertThat(ChartRendersTest.env(ChartRendersTest.container(Chart.renderDefaults().deployment("portal"))))
                .as("off by default").containsEntry("ZTIX_NOTIFICATIONS_EMAIL_ENABLED", "false")
                .doesNotContainKeys("QUARKUS_MAILER_HOST", "ZTIX_NOTIFICATIONS_WEBHOOK_URLS");
    }

    @Test
    void webhooksWithoutASigningKeyOrEmailWithoutAServerAreRefused() {
        assertThatThrownBy(() -> Chart.render(sets("portal.notifications.webhooks.urls", List.of("https://hooks.example.net/a"))))
                .hasMessageContaining("webhooks.existingSecret");
        assertThatThrownBy(() -> Chart.render(sets("portal.notifications.email.enabled", true)))
                .hasMessageContaining("email.host");
    }

    @Test
    void notesTellHowToCreateEverySecretThePortalReads() {
        Map<String, Object> values = sets("portal.peeringdbApiKey.existingSecret", "pdb-api", "portal.oidc.clientId", "client-123",
                "portal.trustedProxies", List.of("10.42.0.0/16"),
                "portal.notifications.email.enabled", true, "portal.notifications.email.host", "smtp.example.net",
                "portal.notifications.email.existingSecret", "smtp",
                "portal.notifications.webhooks.urls", List.of("https://hooks.example.net/a"),
                "portal.notifications.webhooks.existingSecret", "hook-key");
        String notes = Chart.notes(values);

        for (String ref : secretRefs(Chart.render(values).deployment("portal"))) {
            String secretAndKey = ref.substring(ref.indexOf('=') + 1);
            String secret = secretAndKey.substring(0, secretAndKey.indexOf('/'));
            String key = secretAndKey.substring(secretAndKey.indexOf('/') + 1);
            assertThat(notes).contains("create secret generic " + secret).contains("--from-literal=" + key + "=");
        }
        assertThat(notes).contains("kubectl apply -f crds/").contains("patch jr").doesNotContain("WARNING");
        assertThat(Chart.notes(Map.of())).contains("WARNING: portal.oidc.clientId is empty");
    }

    @Test
    void imagePullSecretsReachEveryPod() {
        for (JsonNode deployment : Chart.render(EVERYTHING_ON).ofKind("Deployment")) {
            assertThat(elements(deployment.at("/spec/template/spec/imagePullSecrets")))
                    .extracting(s -> s.path("name").asText()).containsExactly("registry-login");
        }
    }

    private static List<String> secretRefs(JsonNode deployment) {
        List<String> refs = new ArrayList<>();
        for (JsonNode variable : elements(ChartRendersTest.container(deployment).path("env"))) {
            JsonNode ref = variable.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.add(variable.path("name").asText() + "=" + ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        return refs;
    }
}
