package io.ztix.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chart in helm/zt-ix, rendered and linted by the helm library that helm-java bundles (no cluster needed). */
final class Chart {

    static final String RELEASE = "ztix";
    static final String NAMESPACE = "ztix-system";
    /** The oldest Kubernetes the chart supports (ValidatingAdmissionPolicy v1 is GA from 1.30). */
    static final String KUBE_VERSION = "1.30.0";

    private Chart() {
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    }

    static Path directory() {
        return repoRoot().resolve("helm/zt-ix");
    }

    static LintResult lintStrict() {
        return new Helm(directory()).lint().strict().call();
    }

    /** Renders the chart with the default values plus the given --set values (keys in --set syntax). */
    static Manifests render(Map<String, Object> sets) {
        TemplateCommand template = new Helm(directory()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        expand(sets).forEach(template::set);
        return Manifests.parse(template.call());
    }

    /** Renders the chart with a values file on top of the defaults (what --set cannot say, e.g. an empty list). */
    static Manifests renderWithValuesFile(Path valuesFile) {
        return Manifests.parse(new Helm(directory()).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION).withValuesFile(valuesFile).call());
    }

    static Manifests renderDefaults() {
        return render(Map.of());
    }

    static Map<String, Object> sets(Object... keysAndValues) {
        Map<String, Object> sets = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sets.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return sets;
    }

    /** Lists become indexed keys (key[0]=a, key[1]=b): helm-java passes each value as a single string. */
    private static Map<String, Object> expand(Map<String, Object> sets) {
        Map<String, Object> expanded = new LinkedHashMap<>();
        sets.forEach((key, value) -> {
            if (value instanceof java.util.List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    expanded.put(key + "[" + i + "]", list.get(i));
                }
            } else {
                expanded.put(key, value);
            }
        });
        return expanded;
    }

    /** The NOTES.txt an install would print (a client-only dry run: nothing is sent anywhere). */
    static String notes(Map<String, Object> sets) {
        var install = new Helm(directory()).install().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION).dryRun().clientOnly();
        expand(sets).forEach(install::set);
        return install.call().getOutput();
    }
}
