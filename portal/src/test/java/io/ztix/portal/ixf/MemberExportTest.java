package io.ztix.portal.ixf;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.api.joinrequest.MaxPrefixes;
import io.ztix.api.joinrequest.Phase;
import io.ztix.api.joinrequest.Requester;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class MemberExportTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

    @Inject
    ResourceCache cache;

    Cluster cluster;

    @BeforeEach
    void resources() {
        cluster = new Cluster(client, api, cache);
        cluster.network("ixflan", "IX-F LAN", true);
        cluster.routeServer("ixf-rs1", "ixflan", 64999, "2001:db8:ff::1", "203.0.113.1");
        cluster.routeServer("ixf-rs2", "ixflan", 64999, "2001:db8:ff::2", "203.0.113.2");
    }

    /** The schema lives in shared/ beside the repository (CI clones the repository with shared/ next to it). */
    static Path schemaPath() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/ixf/ixp-member-list-1.0.schema.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared/ixf/ixp-member-list-1.0.schema.json not found above " + dir);
    }

    static List<Error> validate(String json) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(schemaPath()), InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON);
    }

    private void activeMember(long asn, String nodeId, String ipv6, String ipv4) {
        member(asn, nodeId, Phase.Active, ipv6, ipv4);
    }

    /** A request in this phase with addresses assigned (the operator assigns them before it is Active). */
    private String member(long asn, String nodeId, Phase phase, String ipv6, String ipv4) {
        JoinRequest jr = new JoinRequest();
        String name = JoinRequest.nameFor("ixflan", asn, nodeId);
        jr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(Cluster.NAMESPACE).build());
        JoinRequestSpec spec = new JoinRequestSpec();
        spec.asn = asn;
        spec.networkRef = "ixflan";
        spec.nodeId = nodeId;
        spec.networkName = "Member " + asn;
        spec.asSet = "RIPE::AS-MEMBER AS-SECOND";
        spec.maxPrefixes = new MaxPrefixes(100L, 20L);
        spec.requester = new Requester();
        spec.requester.peeringdbUserId = 4242L;
        spec.requester.name = "Private Person";
        spec.requester.email = "private.person@example.net";
        jr.setSpec(spec);
        cluster.create(jr);
        cluster.patchStatus(name, r -> {
            r.getStatus().phase = phase;
            r.getStatus().assignedIps = new AssignedIps(ipv6, ipv4);
        });
        return name;
    }

    private JsonNode exportedMember(long asn) throws Exception {
        JsonNode found = null;
        for (JsonNode m : new ObjectMapper().readTree(get("/ixf/member-export.json")).get("member_list")) {
            if (m.get("asnum").asLong() == asn) {
                assertThat(found).as("AS%d is listed once", asn).isNull();
                found = m;
            }
        }
        return found;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return response.body();
    }

    @Test
    void exportValidatesAgainstTheIxfSchemaAndListsActiveMembersAndRouteServers() throws Exception {
        activeMember(64540, "00000002a1", "2001:db8:ff::fc40:1/64", "203.0.113.40");
        String json = get("/ixf/member-export.json");
        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"asnum\":64540").contains("\"address\":\"2001:db8:ff::fc40:1\"")
                .contains("\"as_macro\":\"RIPE::AS-MEMBER\"").contains("\"max_prefix\":100")
                .contains("\"asnum\":64999").contains("\"ixrouteserver\"")
                .contains("\"prefix\":\"2001:db8:ff::\"").contains("\"mask_length\":64");
    }

    @Test
    void routeServersSharingAnAsnAreOneMemberWithOneConnectionEach() throws Exception {
        com.fasterxml.jackson.databind.JsonNode export = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(get("/ixf/member-export.json"));
        List<com.fasterxml.jackson.databind.JsonNode> servers = new java.util.ArrayList<>();
        export.get("member_list").forEach(m -> {
            if (m.get("asnum").asLong() == 64999) {
                servers.add(m);
            }
        });
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("member_type").asText()).isEqualTo("ixp");
        assertThat(servers.get(0).get("connection_list").toString())
                .contains("2001:db8:ff::1").contains("2001:db8:ff::2");
    }

    @Test
    void exportCarriesNoPersonalContactData() throws Exception {
        activeMember(64541, "00000002b2", "2001:db8:ff::fc41:1", null);
        String json = get("/participants.json");
        assertThat(json).contains("\"asnum\":64541").doesNotContain("Private Person")
                .doesNotContain("private.person@example.net").doesNotContain("4242");
    }

    @Test
    void requestsThatAreNotActiveStayOutOfTheExport() throws Exception {
        long asn = 64550;
        for (Phase phase : Phase.values()) {
            if (phase != Phase.Active) {
                member(asn++, "00000003a" + phase.ordinal(), phase, "2001:db8:ff::fc50:" + phase.ordinal(), null);
            }
        }
        activeMember(64559, "00000003af", "2001:db8:ff::fc59:1", null);
        String json = get("/ixf/member-export.json");
        assertThat(json).contains("\"asnum\":64559");
        for (long notActive = 64550; notActive < asn; notActive++) {
            assertThat(exportedMember(notActive)).as("AS%d", notActive).isNull();
        }
        assertThat(json).doesNotContain("2001:db8:ff::fc50:");
    }

    @Test
    void aWithdrawnRequestLeavesTheExportAtOnceEvenWhileTheOperatorIsStillRemovingIt() throws Exception {
        String gone = member(64560, "00000003b1", Phase.Active, "2001:db8:ff::fc60:1", null);
        String leaving = member(64561, "00000003b2", Phase.Active, "2001:db8:ff::fc61:1", null);
        client.resources(JoinRequest.class).inNamespace(Cluster.NAMESPACE).withName(leaving)
                .edit(r -> { r.getMetadata().setFinalizers(List.of("ztix.io/member-cleanup")); return r; });
        assertThat(exportedMember(64560)).isNotNull();
        assertThat(exportedMember(64561)).isNotNull();

        client.resources(JoinRequest.class).inNamespace(Cluster.NAMESPACE).withName(gone).delete();
        client.resources(JoinRequest.class).inNamespace(Cluster.NAMESPACE).withName(leaving).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.joinRequest(gone).isEmpty()
                && cache.joinRequest(leaving).map(r -> r.getMetadata().getDeletionTimestamp() != null).orElse(false));

        assertThat(exportedMember(64560)).as("deleted").isNull();
        assertThat(exportedMember(64561)).as("withdrawn, finalizer still pending, status still Active").isNull();
    }

    @Test
    void severalConnectionsOfOneAsnAreOneMemberWithOneConnectionEach() throws Exception {
        activeMember(64570, "00000003c1", "2001:db8:ff::fc70:1/64", "203.0.113.70");
        activeMember(64570, "00000003c2", "2001:db8:ff::fc70:2/64", "203.0.113.71");
        member(64570, "00000003c3", Phase.Provisioning, "2001:db8:ff::fc70:3/64", "203.0.113.72");

        JsonNode member = exportedMember(64570);
        assertThat(member.get("member_type").asText()).isEqualTo("peering");
        JsonNode connections = member.get("connection_list");
        assertThat(connections).hasSize(2);
        List<String> addresses = new java.util.ArrayList<>();
        connections.forEach(c -> {
            JsonNode vlan = c.get("vlan_list").get(0);
            addresses.add(vlan.get("ipv6").get("address").asText() + " " + vlan.get("ipv4").get("address").asText());
        });
        assertThat(addresses).containsExactlyInAnyOrder("2001:db8:ff::fc70:1 203.0.113.70",
                "2001:db8:ff::fc70:2 203.0.113.71");
        assertThat(validate(get("/ixf/member-export.json"))).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnExportWithoutRequiredFields() throws Exception {
        String json = get("/ixf/member-export.json").replace("\"ixf_id\"", "\"not_ixf_id\"");
        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void theExportIsBuiltOncePerClusterStateServedWithAnEtagAndRebuiltWhenAMemberChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI export = URI.create(base.toString().replaceAll("/$", "") + "/ixf/member-export.json");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(export).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1100); // the document's timestamp has one-second resolution
        HttpResponse<String> second = http.send(HttpRequest.newBuilder(export).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.body()).as("nothing changed: the same document, not a new one with a new timestamp")
                .isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=60");

        HttpResponse<String> unchanged = http.send(HttpRequest.newBuilder(export)
                .header("If-None-Match", "\"some-other-version\", W/" + etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        activeMember(64542, "00000002c3", "2001:db8:ff::fc42:1", null);
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(export).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"asnum\":64542");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }
}
