package io.ztix.testing.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The custom resource types of the committed CRD files ({@code crds/*.yml}), one entry per served version. */
public final class CustomResourceTypes {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One served version of a CRD: names, scope, schema, whether it has a status subresource. */
    public record Type(CustomResourceDefinition crd, String group, String version, String plural, String kind,
            boolean namespaced, boolean statusSubresource, JsonNode schema) {

        public String groupVersion() {
            return group + "/" + version;
        }

        /** kube-apiserver's qualified resource name, e.g. {@code joinrequests.ztix.io}. */
        public String qualifiedResource() {
            return plural + "." + group;
        }

        /** kube-apiserver's qualified kind, e.g. {@code JoinRequest.ztix.io}. */
        public String qualifiedKind() {
            return kind + "." + group;
        }

        public CustomResourceDefinitionVersion versionSpec() {
            return crd.getSpec().getVersions().stream().filter(v -> v.getName().equals(version)).findFirst()
                    .orElseThrow();
        }
    }

    private final List<CustomResourceDefinition> crds;
    private final List<Type> types;

    private CustomResourceTypes(List<CustomResourceDefinition> crds, List<Type> types) {
        this.crds = List.copyOf(crds);
        this.types = List.copyOf(types);
    }

    public static CustomResourceTypes load(Path directory) {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (Path file : files(directory)) {
            try {
                String yaml = Files.readString(file);
                CustomResourceDefinition crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
                JsonNode tree = YAML.readTree(yaml);
                crds.add(crd);
                for (JsonNode version : tree.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean(true)) {
                        continue;
                    }
                    types.add(new Type(crd, crd.getSpec().getGroup(), version.path("name").asText(),
                            crd.getSpec().getNames().getPlural(), crd.getSpec().getNames().getKind(),
                            "Namespaced".equals(crd.getSpec().getScope()), version.path("subresources").has("status"),
                            version.path("schema").path("openAPIV3Schema")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CRD " + file, e);
            }
        }
        if (crds.isEmpty()) {
            throw new IllegalStateException("no CRDs (*.yml, *.yaml) in " + directory);
        }
        return new CustomResourceTypes(crds, types);
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + directory, e);
        }
    }

    public List<CustomResourceDefinition> crds() {
        return crds;
    }

    public List<Type> types() {
        return types;
    }

    public Optional<Type> find(String group, String version, String plural) {
        return types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)
                && t.plural().equals(plural)).findFirst();
    }
}
