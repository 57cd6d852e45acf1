package io.ztix.helm;

import static io.ztix.helm.Chart.sets;
import static io.ztix.helm.ChartRendersTest.container;
import static io.ztix.helm.ChartRendersTest.env;
import static io.ztix.helm.Manifests.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator's looking-glass API is reachable only on the chart's network path: its own port on the operator
 * pods, a Service for it, and a NetworkPolicy whose only rule for that port admits the portal's pods.
 */
class LookingGlassNetworkPathTest {

    private static final String NAME = "ztix-zt-ix-operator-lookingglass";

    @Test
    void onlyThePortalsPodsMayReachTheLookingGlassPort() {
        Manifests manifests = Chart.renderDefaults();
        JsonNode operator = manifests.deployment("operator");
        JsonNode portal = manifests.deployment("portal");
        JsonNode operatorLabels = operator.at("/spec/template/metadata/labels");
        JsonNode portalLabels = portal.at("/spec/template/metadata/labels");
        JsonNode policy = manifests.one("NetworkPolicy", NAME);

        assertThat(Workloads.selects(policy.at("/spec/podSelector/matchLabels"), operatorLabels)).isTrue();
        assertThat(Workloads.selects(policy.at("/spec/podSelector/matchLabels"), portalLabels)).isFalse();
        assertThat(Manifests.texts(policy.at("/spec/policyTypes"))).contains("Ingress");
        List<JsonNode> rules = elements(policy.at("/spec/ingress"));
        List<JsonNode> toLookingGlass = rules.stream().filter(r -> elements(r.path("ports")).isEmpty()
                || elements(r.path("ports")).stream().anyMatch(p -> p.path("port").asText().equals("lookingglass"))).toList();
        assertThat(toLookingGlass).as("rules that open the looking-glass port").hasSize(1);
        List<JsonNode> from = elements(toLookingGlass.get(0).path("from"));
        assertThat(from).as("who may reach it").isNotEmpty().allSatisfy(peer -> {
            assertThat(peer.has("ipBlock")).isFalse();
            assertThat(peer.has("namespaceSelector")).as("same namespace only").isFalse();
            assertThat(Workloads.selects(peer.at("/podSelector/matchLabels"), portalLabels)).isTrue();
            assertThat(Workloads.selects(peer.at("/podSelector/matchLabels"), operatorLabels)).isFalse();
        });
        // every other rule names its ports, and none of them is the looking glass
        rules.stream().filter(r -> r != toLookingGlass.get(0)).forEach(rule ->
                assertThat(elements(rule.path("ports"))).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.path("port").asText()).isEqualTo("http")));

        JsonNode service = manifests.one("Service", NAME);
        assertThat(Workloads.selects(service.at("/spec/selector"), operatorLabels)).isTrue();
        JsonNode container = container(operator);
        assertThat(elements(container.path("ports"))).anyMatch(p -> p.path("name").asText().equals("lookingglass")
                && p.path("containerPort").asInt() == 8081);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("lookingglass");
        assertThat(env(container)).containsEntry("ZTIX_LOOKING_GLASS_ENABLED", "true")
                .containsEntry("ZTIX_LOOKING_GLASS_PORT", "8081");
        // the portal is told where: the Service's name and port
        assertThat(env(container(portal))).containsEntry("ZTIX_PORTAL_LOOKING_GLASS_URL",
                "http://" + NAME + "." + Manifests.namespace(service) + ".svc:" + service.at("/spec/ports/0/port").asInt());
    }

    @Test
    void turnedOffNothingListensAndNothingIsOpened() {
        Manifests manifests = Chart.render(sets("lookingGlass.enabled", false));

        assertThat(manifests.summary()).noneMatch(s -> s.contains("lookingglass"));
        JsonNode container = container(manifests.deployment("operator"));
        assertThat(env(container)).containsEntry("ZTIX_LOOKING_GLASS_ENABLED", "false");
        assertThat(elements(container.path("ports"))).extracting(p -> p.path("name").asText()).containsExactly("http");
    }

    @Test
    void aTokenSecretIsGivenToTheOperator() {
        Manifests manifests = Chart.render(sets("lookingGlass.token.existingSecret", "lg-token"));

        JsonNode variable = elements(container(manifests.deployment("operator")).path("env")).stream()
                .filter(v -> v.path("name").asText().equals("ZTIX_LOOKING_GLASS_TOKEN")).findFirst().orElseThrow();
        assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("lg-token");
        assertThat(variable.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("token");
        JsonNode portal = elements(container(manifests.deployment("portal")).path("env")).stream()
                .filter(v -> v.path("name").asText().equals("ZTIX_PORTAL_LOOKING_GLASS_TOKEN")).findFirst().orElseThrow();
        assertThat(portal.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("lg-token");
    }
}
