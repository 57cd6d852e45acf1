package io.ztix.testing.kubeapi.cel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ztix.testing.kubeapi.CustomResourceTypes;
import io.ztix.testing.kubeapi.schema.FieldError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every {@code x-kubernetes-validations} rule of the committed CRDs (crds/), evaluated with the stand-in's CEL
 * evaluator ({@link CrdRules}, as kube-apiserver evaluates them, transition rules with {@code oldSelf} on update
 * only): the examples pass on create and on an unchanged update, and each rule has an object that breaks it and
 * is refused with the rule's own message at the rule's path. A rule without such a case fails
 * {@link #everyRuleOfEveryCrdHasACaseThatBreaksIt} — a new rule needs a case here.
 */
class CommittedCrdRulesTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CustomResourceTypes TYPES = CustomResourceTypes.load(REPO.resolve("crds"));

    /** One object that breaks one rule: created (old == null) or updated from {@code old}. */
    private record Case(String kind, String path, String message, JsonNode object, JsonNode old) {
    }

    private static final List<Case> CASES = cases();

    @Test
    void theExamplesPassEveryRuleOnCreateAndOnAnUnchangedUpdate() {
        for (String kind : List.of("JoinRequest", "ZtNetwork", "RouteServer")) {
            JsonNode example = example(kind);
            assertThat(errors(kind, example, null)).as("%s created", kind).isEmpty();
            assertThat(errors(kind, example, example)).as("%s updated unchanged", kind).isEmpty();
        }
        ObjectNode rejected = example("JoinRequest");
        rejected.with("spec").putObject("approval").put("decision", "Rejected").put("reason", "no PeeringDB record")
                .put("decidedBy", "alice");
        assertThat(errors("JoinRequest", rejected, null)).as("a rejection with a reason").isEmpty();
        ObjectNode adoptedCentral = centralNetwork();
        assertThat(errors("ZtNetwork", adoptedCentral, null)).as("an adopted Central network").isEmpty();
        ObjectNode ipv4Added = example("ZtNetwork");
        ObjectNode ipv6Only = example("ZtNetwork");
        ((ObjectNode) ipv6Only.at("/spec/peeringLan")).remove("ipv4");
        assertThat(errors("ZtNetwork", ipv4Added, ipv6Only)).as("IPv4 added to an IPv6-only LAN").isEmpty();
    }

    @Test
    void eachCaseIsRefusedWithItsRulesMessageAtItsPath() {
        for (Case c : CASES) {
            List<FieldError> errors = errors(c.kind(), c.object(), c.old());
            assertThat(errors).as("%s %s: %s", c.kind(), c.path(), c.message())
                    .anySatisfy(e -> {
                        assertThat(e.field()).isEqualTo(c.path());
                        assertThat(e.detail()).isEqualTo(c.message());
                    });
        }
    }

    @Test
    void everyRuleOfEveryCrdHasACaseThatBreaksIt() {
        Set<String> rules = new LinkedHashSet<>();
        for (CustomResourceTypes.Type type : TYPES.types()) {
            collect(type.kind(), "", type.schema(), rules);
        }
        Set<String> covered = new LinkedHashSet<>();
        CASES.forEach(c -> covered.add(c.kind() + " " + c.path() + ": " + c.message()));
        assertThat(covered).containsAll(rules);
        assertThat(rules).as("rules found in crds/").hasSizeGreaterThanOrEqualTo(18);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // JoinRequest
        cases.add(create("JoinRequest", "<nil>", "metadata.name must be <networkRef>-as<asn>-<nodeId>",
                jr -> ((ObjectNode) jr.get("metadata")).put("name", "ix-as64502-aabbccdd01")));
        cases.add(create("JoinRequest", "spec.approval", "a rejection needs a reason",
                jr -> jr.with("spec").putObject("approval").put("decision", "Rejected").put("reason", "  ")
                        .put("decidedBy", "alice")));
        cases.add(create("JoinRequest", "spec.approval", "decidedBy must name who decided (it is blank)",
                jr -> jr.with("spec").putObject("approval").put("decision", "Approved").put("decidedBy", " \t")));
        cases.add(create("JoinRequest", "spec.asn", ruleMessage("JoinRequest", "spec.asn", "23456"),
                jr -> { jr.with("spec").put("asn", 23456); ((ObjectNode) jr.get("metadata")).put("name", "ix-as23456-aabbccdd01"); }));
        cases.add(update("JoinRequest", "spec.asn", "asn is immutable",
                jr -> { jr.with("spec").put("asn", 64502); ((ObjectNode) jr.get("metadata")).put("name", "ix-as64502-aabbccdd01"); }));
        cases.add(update("JoinRequest", "spec.networkRef", "networkRef is immutable",
                jr -> { jr.with("spec").put("networkRef", "ix2"); ((ObjectNode) jr.get("metadata")).put("name", "ix2-as64501-aabbccdd01"); }));
        cases.add(create("JoinRequest", "spec.nodeId", ruleMessage("JoinRequest", "spec.nodeId", "0000000000"),
                jr -> { jr.with("spec").put("nodeId", "ffaabbccdd"); ((ObjectNode) jr.get("metadata")).put("name", "ix-as64501-ffaabbccdd"); }));
        cases.add(update("JoinRequest", "spec.nodeId", "nodeId is immutable",
                jr -> { jr.with("spec").put("nodeId", "aabbccdd02"); ((ObjectNode) jr.get("metadata")).put("name", "ix-as64501-aabbccdd02"); }));
        cases.add(create("JoinRequest", "spec.requester", ruleMessage("JoinRequest", "spec.requester", "peeringdbUserId"),
                jr -> jr.with("spec").with("requester").put("localUser", "lena")));
        cases.add(create("JoinRequest", "status.admitted.approval", "a rejection needs a reason",
                jr -> jr.putObject("status").putObject("admitted").putObject("approval").put("decision", "Rejected")));
        cases.add(create("JoinRequest", "status.admitted.approval", "decidedBy must name who decided (it is blank)",
                jr -> jr.putObject("status").putObject("admitted").putObject("approval").put("decision", "Approved")
                        .put("decidedBy", "")));
        // ZtNetwork
        cases.add(create("ZtNetwork", "spec", ruleMessage("ZtNetwork", "spec", "set either networkId"),
                n -> n.with("spec").put("networkId", "8056c2e21c000001")));
        cases.add(create("ZtNetwork", "spec", ruleMessage("ZtNetwork", "spec", "a Central network must be adopted"),
                n -> { centralise(n); ((ObjectNode) n.get("spec")).remove("networkId"); }));
        cases.add(create("ZtNetwork", "spec", ruleMessage("ZtNetwork", "spec", "idSuffix applies to self-hosted"),
                n -> { centralise(n); n.with("spec").put("idSuffix", "000001"); ((ObjectNode) n.get("spec")).remove("networkId"); n.with("spec").put("networkId", "8056c2e21c000001"); }));
        cases.add(new Case("ZtNetwork", "spec", "networkId is immutable once set",
                with(centralNetwork(), n -> n.with("spec").put("networkId", "8056c2e21c000002")), centralNetwork()));
        cases.add(update("ZtNetwork", "spec", "idSuffix is immutable once set", n -> n.with("spec").put("idSuffix", "000002")));
        cases.add(update("ZtNetwork", "spec.controller", "controller.provider is immutable",
                n -> n.with("spec").with("controller").put("provider", "Central")));
        cases.add(update("ZtNetwork", "spec.peeringLan", ruleMessage("ZtNetwork", "spec.peeringLan", "peeringLan.ipv6 is immutable"),
                n -> n.with("spec").with("peeringLan").put("ipv6", "2001:db8:fe::/64")));
        cases.add(update("ZtNetwork", "spec.peeringLan", ruleMessage("ZtNetwork", "spec.peeringLan", "peeringLan.ipv4 can be added"),
                n -> ((ObjectNode) n.at("/spec/peeringLan")).remove("ipv4")));
        // RouteServer
        cases.add(update("RouteServer", "spec", "networkRef is immutable", rs -> rs.with("spec").put("networkRef", "ix2")));
        cases.add(create("RouteServer", "spec.irr.sources", ruleMessage("RouteServer", "spec.irr.sources", "IRR source name"),
                rs -> rs.with("spec").with("irr").putArray("sources").add("RIPE").add("ripe")));
        cases.add(create("RouteServer", "spec.policy.transitFreeAsns", "each transit-free ASN is 1..4294967294",
                rs -> rs.with("spec").with("policy").putArray("transitFreeAsns").add(174).add(0)));
        return cases;
    }

    private static Case create(String kind, String path, String message, Consumer<ObjectNode> breaking) {
        return new Case(kind, path, message, with(example(kind), breaking), null);
    }

    private static Case update(String kind, String path, String message, Consumer<ObjectNode> breaking) {
        return new Case(kind, path, message, with(example(kind), breaking), example(kind));
    }

    private static ObjectNode with(ObjectNode object, Consumer<ObjectNode> change) {
        change.accept(object);
        return object;
    }

    private static ObjectNode centralNetwork() {
        return with(example("ZtNetwork"), CommittedCrdRulesTest::centralise);
    }

    private static void centralise(ObjectNode network) {
        ObjectNode spec = network.with("spec");
        spec.with("controller").put("provider", "Central");
        spec.with("controller").remove("url");
        spec.remove("idSuffix");
        spec.put("networkId", "8056c2e21c000001");
    }

    private static List<FieldError> errors(String kind, JsonNode object, JsonNode old) {
        return CrdRules.evaluate(object, old, type(kind).schema());
    }

    private static CustomResourceTypes.Type type(String kind) {
        return TYPES.types().stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** The example manifest of a kind, from examples/. */
    private static ObjectNode example(String kind) {
        try (var files = Files.list(REPO.resolve("examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode document : YAML.readValues(YAML.createParser(Files.readString(file)), JsonNode.class).readAll()) {
                    if (document != null && kind.equals(document.path("kind").asText())) {
                        return (ObjectNode) document;
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no " + kind + " in examples/");
    }

    /** The message of the rule at this path of the kind's schema whose message contains {@code part}. */
    private static String ruleMessage(String kind, String path, String part) {
        Set<String> rules = new LinkedHashSet<>();
        collect(kind, "", type(kind).schema(), rules);
        String prefix = kind + " " + path + ": ";
        return rules.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length()))
                .filter(m -> m.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule of " + kind + " at " + path + " says " + part));
    }

    /**
     * "Kind path: message" of every rule in the schema (the message, or kube-apiserver's "failed rule: ..." without
     * one), the path as the evaluator reports it ("spec.asn", "<nil>" for the root).
     */
    private static void collect(String kind, String path, JsonNode schema, Set<String> into) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            into.add(kind + " " + (path.isEmpty() ? "<nil>" : path) + ": "
                    + (rule.hasNonNull("message") && !rule.get("message").asText().isBlank()
                    ? rule.get("message").asText().trim() : "failed rule: " + rule.get("rule").asText().trim()));
        }
        schema.path("properties").fields().forEachRemaining(child ->
                collect(kind, path.isEmpty() ? child.getKey() : path + "." + child.getKey(), child.getValue(), into));
        collect(kind, path + "[*]", schema.get("items"), into);
        collect(kind, path + "[*]", schema.get("additionalProperties"), into);
    }
}
