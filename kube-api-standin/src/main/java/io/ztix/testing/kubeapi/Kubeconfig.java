package io.ztix.testing.kubeapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kubeconfig for the stand-in: one user (bearer token) and one context per identity, the first context current.
 * kubectl and the fabric8 client both read it.
 */
public final class Kubeconfig {

    private final KubeApiStandIn standIn;
    private final String namespace;
    private final Map<String, Identity> contexts = new LinkedHashMap<>();

    public Kubeconfig(KubeApiStandIn standIn, String namespace) {
        this.standIn = standIn;
        this.namespace = namespace;
    }

    /** Adds a context (and a user of the same name) that calls as this identity. */
    public Kubeconfig context(String name, Identity identity) {
        contexts.put(name, identity);
        return this;
    }

    public Path write(Path file, String comment) {
        if (contexts.isEmpty()) {
            throw new IllegalStateException("a kubeconfig needs at least one context");
        }
        List<String> lines = new ArrayList<>(List.of("# " + comment, "apiVersion: v1", "kind: Config", "clusters:",
                "- name: ztix-standin", "  cluster:", "    server: " + standIn.url(),
                "    certificate-authority-data: " + standIn.certificateAuthorityData(), "users:"));
        contexts.forEach((name, identity) -> lines.addAll(List.of("- name: " + name, "  user:",
                "    token: " + standIn.token(identity))));
        lines.add("contexts:");
        contexts.keySet().forEach(name -> lines.addAll(List.of("- name: " + name, "  context:",
                "    cluster: ztix-standin", "    user: " + name, "    namespace: " + namespace)));
        lines.add("current-context: " + contexts.keySet().iterator().next());
        lines.add("");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, String.join("\n", lines));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
