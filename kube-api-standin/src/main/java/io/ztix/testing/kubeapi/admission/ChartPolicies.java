package io.ztix.testing.kubeapi.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.ztix.testing.kubeapi.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart (helm/zt-ix) rendered with its default values, as the chart's tests render it (release {@code ztix}
 * in {@code ztix-system}): its ValidatingAdmissionPolicies with their bindings, and the service accounts the
 * operator and the portal run as.
 */
public final class ChartPolicies {

    public static final String RELEASE = "ztix";
    public static final String NAMESPACE = "ztix-system";
    private static final String KUBE_VERSION = "1.30.0";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<AdmissionPolicy> policies;
    private final Map<String, Identity> serviceAccounts;

    private ChartPolicies(List<AdmissionPolicy> policies, Map<String, Identity> serviceAccounts) {
        this.policies = List.copyOf(policies);
        this.serviceAccounts = Map.copyOf(serviceAccounts);
    }

    public static ChartPolicies render(Path chartDirectory) {
        String rendered = RenderedChart.text(chartDirectory, () -> new Helm(chartDirectory).template().withName(RELEASE)
                .withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION).call());
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.createParser(rendered)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && d.has("kind")) {
                    documents.add(d);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered chart is not YAML", e);
        }
        Map<String, JsonNode> bindings = new LinkedHashMap<>();
        for (JsonNode d : documents) {
            if (d.path("kind").asText().equals("ValidatingAdmissionPolicyBinding")) {
                bindings.put(d.path("spec").path("policyName").asText(), d);
            }
        }
        List<AdmissionPolicy> policies = new ArrayList<>();
        Map<String, Identity> accounts = new LinkedHashMap<>();
        for (JsonNode d : documents) {
            String kind = d.path("kind").asText();
            if (kind.equals("ValidatingAdmissionPolicy")) {
                JsonNode binding = bindings.get(d.path("metadata").path("name").asText());
                if (binding != null) {
                    policies.add(new AdmissionPolicy(d, binding));
                }
            } else if (kind.equals("ServiceAccount")) {
                String component = d.path("metadata").path("labels").path("app.kubernetes.io/component").asText();
                accounts.put(component, Identity.serviceAccount(d.path("metadata").path("namespace").asText(NAMESPACE),
                        d.path("metadata").path("name").asText()));
            }
        }
        return new ChartPolicies(policies, accounts);
    }

    public List<AdmissionPolicy> policies() {
        return policies;
    }

    /** The service account of a component ({@code operator}, {@code portal}) as the chart names it. */
    public Identity serviceAccount(String component) {
        Identity identity = serviceAccounts.get(component);
        if (identity == null) {
            throw new IllegalStateException("the chart renders no ServiceAccount for " + component + "; it has "
                    + serviceAccounts.keySet());
        }
        return identity;
    }
}
