package io.ztix.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ztix.portal.admin.KubectlCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kubectl lines the portal's admin queue offers, run the way an admin runs them: in bash, where
 * {@code kubectl auth whoami} answers with the admin's Kubernetes user name and the patch is applied as a JSON
 * merge patch; the result is then checked by the chart's approval policy, as the API server would.
 */
class PortalKubectlLinesTest {

    private static final String NAME = "ix-as64501-aabbccdd01";
    private static final List<String> APPROVERS = List.of("ztix-approvers", "system:authenticated");

    private final AdmissionPolicy policy = new AdmissionPolicy(Chart.renderDefaults()
            .one("ValidatingAdmissionPolicy", "ztix-zt-ix-joinrequest-approval"));

    @Test
    void theApproveLineIsAdmittedForAnApproverWhateverTheirKubernetesName() throws Exception {
        for (String approver : List.of("alice", "oidc:alice@example.net", "system:serviceaccount:noc:robot")) {
            JsonNode patch = patchBashSends(KubectlCommands.approve("ztix", NAME), approver);
            ObjectNode after = mergePatch(pending(), patch);

            assertThat(after.at("/spec/approval/decision").asText()).isEqualTo("Approved");
            assertThat(policy.admit("UPDATE", after, pending(), approver, APPROVERS).violations()).as(approver).isEmpty();
        }
    }

    @Test
    void theRejectLineWithItsReasonFilledInIsAdmittedForAnApprover() throws Exception {
        String line = KubectlCommands.reject("ztix", NAME).replace("<reason>", "ASN not in PeeringDB");
        ObjectNode after = mergePatch(pending(), patchBashSends(line, "bob"));

        assertThat(after.at("/spec/approval/reason").asText()).isEqualTo("ASN not in PeeringDB");
        assertThat(policy.admit("UPDATE", after, pending(), "bob", APPROVERS).violations()).isEmpty();
    }

    @Test
    void theSameLineRunByAnybodyOutsideTheApproverGroupsIsStillRefused() throws Exception {
        ObjectNode after = mergePatch(pending(), patchBashSends(KubectlCommands.approve("ztix", NAME), "mallory"));

        assertThat(policy.admit("UPDATE", after, pending(), "mallory", List.of("noc", "system:authenticated")).allowed())
                .isFalse();
    }

    /**
     * Runs the line in a real bash in which kubectl is a shell function: {@code kubectl auth whoami ...} prints
     * {@code username}, every other call prints the argument after {@code -p}.
     */
    static JsonNode patchBashSends(String line, String username) throws Exception {
        assertThat(line).startsWith("kubectl -n ztix patch joinrequest " + NAME + " --type=merge -p ");
        String script = "kubectl() { if [ \"$1\" = auth ] && [ \"$2\" = whoami ]; then printf '%s' \"$KUBE_USER\"; return; fi;"
                + " while [ $# -gt 0 ]; do if [ \"$1\" = -p ]; then printf '%s' \"$2\"; fi; shift; done; }\n" + line + "\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("KUBE_USER", username);
        Process bash = builder.start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(out);
    }

    /** RFC 7386 JSON merge patch, as kubectl --type=merge asks the API server to apply it. */
    static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (field.getValue().isObject() && target.path(field.getKey()).isObject()) {
                mergePatch((ObjectNode) target.get(field.getKey()), field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return target;
    }

    private static ObjectNode pending() throws Exception {
        ObjectNode example = (ObjectNode) new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Chart.repoRoot().resolve("examples/30-joinrequest.yaml")));
        assertThat(example.at("/metadata/name").asText()).isEqualTo(NAME);
        return example;
    }
}
