package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static io.ztix.helm.Manifests.elements;
import static io.ztix.helm.Manifests.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** helm lint --strict and helm template of the chart, and what a default install consists of. */
class ChartRendersTest {

    @Test
    void chartPassesStrictLint() {
        LintResult result = Chart.lintStrict();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultInstallHasEverythingTheSystemNeeds() {
        Manifests manifests = Chart.renderDefaults();

        assertThat(manifests.summary()).contains(
                "ServiceAccount/ztix-system/ztix-zt-ix-operator",
                "ServiceAccount/ztix-system/ztix-zt-ix-portal",
                "Deployment/ztix-system/ztix-zt-ix-operator",
                "Deployment/ztix-system/ztix-zt-ix-portal",
                "Service/ztix-system/ztix-zt-ix-portal",
                "ClusterRole//ztix-zt-ix-operator-resources",
                "ClusterRole//ztix-zt-ix-operator-secrets",
                "ClusterRoleBinding//ztix-zt-ix-operator-resources",
                "RoleBinding/ztix-system/ztix-zt-ix-operator-secrets",
                "Role/ztix-system/ztix-zt-ix-operator-leader-election",
                "RoleBinding/ztix-system/ztix-zt-ix-operator-leader-election",
                "Role/ztix-system/ztix-zt-ix-portal",
                "RoleBinding/ztix-system/ztix-zt-ix-portal",
                "ValidatingAdmissionPolicy//ztix-zt-ix-joinrequest-approval",
                "ValidatingAdmissionPolicyBinding//ztix-zt-ix-joinrequest-approval");
        assertThat(manifests.ofKind("Secret")).as("Secrets are referenced, never rendered by default").isEmpty();
        assertThat(manifests.ofKind("Ingress")).isEmpty();
        assertThat(manifests.ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void imagesAndReplicasComeFromValues() {
        Manifests manifests = Chart.render(sets(
                "operator.image.repository", "registry.example.net/ix/operator", "operator.image.tag", "1.2.3",
                "portal.image.repository", "registry.example.net/ix/portal", "operator.replicaCount", 2));

        assertThat(container(manifests.deployment("operator")).path("image").asText())
                .isEqualTo("registry.example.net/ix/operator:1.2.3");
        assertThat(container(manifests.deployment("portal")).path("image").asText())
                .as("an empty tag means the chart's appVersion").isEqualTo("registry.example.net/ix/portal:0.1.0");
        assertThat(manifests.deployment("operator").at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void operatorIsToldWhereItsLeaseIs() {
        Manifests manifests = Chart.render(sets("operator.leaderElection.leaseName", "ix-lease"));

        Map<String, String> env = env(container(manifests.deployment("operator")));
        assertThat(env).containsEntry("ZTIX_OPERATOR_LEASE_NAME", "ix-lease")
                .containsEntry("ZTIX_OPERATOR_LEASE_NAMESPACE", Chart.NAMESPACE)
                .doesNotContainKey("QUARKUS_OPERATOR_SDK_NAMESPACES");
    }

    @Test
    void operatorWatchesOnlyTheListedNamespacesWhenGiven() {
        Manifests manifests = Chart.render(sets("operator.watchNamespaces", List.of("ix-a", "ix-b")));

        assertThat(env(container(manifests.deployment("operator"))))
                .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "ix-a,ix-b");
    }

    @Test
    void everyPodRunsUnderRestrictedPodSecurityWithAWritableTmp() {
        Manifests manifests = Chart.renderDefaults();

        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            for (JsonNode container : elements(pod.path("containers"))) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(texts(security.at("/capabilities/drop"))).containsExactly("ALL");
                assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
                assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
                JsonNode tmpMount = elements(container.path("volumeMounts")).stream()
                        .filter(m -> m.path("mountPath").asText().equals("/tmp")).findFirst().orElseThrow();
                JsonNode tmpVolume = elements(pod.path("volumes")).stream()
                        .filter(v -> v.path("name").asText().equals(tmpMount.path("name").asText())).findFirst().orElseThrow();
                assertThat(tmpVolume.has("emptyDir")).isTrue();
                assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
                assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
                assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void everyContainerIsProbedOnTheQuarkusHealthEndpointsOfAPortItDeclares() {
        Manifests manifests = Chart.renderDefaults();

        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode container = container(deployment);
            List<String> portNames = elements(container.path("ports")).stream().map(p -> p.path("name").asText()).toList();
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(portNames).contains(container.path(probe).at("/httpGet/port").asText());
            }
            assertThat(elements(container.path("ports"))).anyMatch(p -> p.path("containerPort").asInt() == 8080);
        }
    }

    @Test
    void podsCarryPrometheusScrapeAnnotationsUnlessTurnedOff() {
        JsonNode annotations = Chart.renderDefaults().deployment("operator").at("/spec/template/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo("8080");

        JsonNode without = Chart.render(sets("metrics.scrapeAnnotations", false))
                .deployment("operator").at("/spec/template/metadata/annotations");
        assertThat(without.path("prometheus.io/scrape").isMissingNode()).isTrue();
    }

    @Test
    void serviceMonitorsScrapeServicePortsThatExist() {
        Manifests manifests = Chart.render(sets("metrics.serviceMonitor.enabled", true));

        List<JsonNode> monitors = manifests.ofKind("ServiceMonitor");
        assertThat(monitors).hasSize(2);
        for (JsonNode monitor : monitors) {
            JsonNode selector = monitor.at("/spec/selector/matchLabels");
            JsonNode service = manifests.ofKind("Service").stream()
                    .filter(s -> Workloads.selects(selector, s.at("/metadata/labels"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no Service for " + Manifests.name(monitor)));
            String port = monitor.at("/spec/endpoints/0/port").asText();
            assertThat(elements(service.at("/spec/ports"))).anyMatch(p -> p.path("name").asText().equals(port));
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        }
    }

    @Test
    void portalServiceAndIngressLeadToThePortalContainer() {
        Manifests manifests = Chart.render(sets("portal.ingress.enabled", true, "portal.ingress.host", "portal.ix.example.net",
                "portal.ingress.tlsSecretName", "portal-tls"));

        JsonNode service = manifests.one("Service", "ztix-zt-ix-portal");
        JsonNode portal = manifests.deployment("portal");
        assertThat(Workloads.selects(service.at("/spec/selector"), portal.at("/spec/template/metadata/labels"))).isTrue();
        assertThat(Workloads.selects(service.at("/spec/selector"), manifests.deployment("operator").at("/spec/template/metadata/labels")))
                .as("the portal Service must not select operator pods").isFalse();
        String targetPort = service.at("/spec/ports/0/targetPort").asText();
        assertThat(elements(container(portal).path("ports"))).anyMatch(p -> p.path("name").asText().equals(targetPort));

        JsonNode ingress = manifests.one("Ingress", "ztix-zt-ix-portal");
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertThat(backend.path("name").asText()).isEqualTo(Manifests.name(service));
        assertThat(elements(service.at("/spec/ports"))).anyMatch(p -> p.path("name").asText().equals(backend.at("/port/name").asText()));
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("portal.ix.example.net");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("portal-tls");
    }

    @Test
    void portalCanBeLeftOut() {
        Manifests manifests = Chart.render(sets("portal.enabled", false));

        assertThat(manifests.summary()).noneMatch(s -> s.contains("portal"));
        assertThat(manifests.ofKind("Deployment")).hasSize(1);
    }

    static JsonNode container(JsonNode deployment) {
        List<JsonNode> containers = elements(deployment.at("/spec/template/spec/containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (JsonNode variable : elements(container.path("env"))) {
            env.put(variable.path("name").asText(), variable.has("value") ? variable.path("value").asText() : null);
        }
        return env;
    }
}
