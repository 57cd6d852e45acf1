package io.ztix.testing.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in as a client sees it over HTTP, with the committed CRDs and the chart's admission policy: what it
 * refuses (with kube-apiserver's Status), what it drops, what it keeps apart, and how it numbers and streams.
 */
class KubeApiStandInTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "ztix";
    private static final String JR = "/apis/ztix.io/v1alpha1/namespaces/" + NS + "/joinrequests";
    private static HttpClient HTTP;

    private static KubeApiStandIn standIn;
    private static String operator;
    private static String portal;
    private static String approver;
    private static String noc;

    @BeforeAll
    static void start() {
        standIn = KubeApiStandIn.start(REPO);
        HTTP = HttpClient.newBuilder().sslContext(trusting(standIn.certificateAuthorityData())).build();
        standIn.createNamespace(NS);
        operator = standIn.token(standIn.serviceAccount("operator"));
        portal = standIn.token(standIn.serviceAccount("portal"));
        approver = standIn.token(Identity.approver("alice"));
        noc = standIn.token(Identity.user("mallory", "noc"));
    }

    /** An SSL context that trusts exactly the stand-in's certificate, as a kubeconfig's CA data does. */
    static javax.net.ssl.SSLContext trusting(String caData) {
        try {
            byte[] pem = java.util.Base64.getDecoder().decode(caData);
            var certificate = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem));
            var store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("standin", certificate);
            var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    private record Answer(int code, JsonNode body, java.util.List<String> warnings) {
    }

    private static Answer call(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.url() + path))
                .timeout(Duration.ofSeconds(20)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()),
                response.headers().allValues("Warning"));
    }

    private static String request(String node, String extraSpec) {
        return "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequest\",\"metadata\":{\"name\":\"ix-as64501-" + node
                + "\"},\"spec\":{\"asn\":64501,\"networkRef\":\"ix\",\"nodeId\":\"" + node + "\"" + extraSpec + "}}";
    }

    private static Answer create(String node, String extraSpec, String token) throws Exception {
        return call("POST", JR, token, "application/json", request(node, extraSpec));
    }

    private static Answer mergePatch(String name, String patch, String token) throws Exception {
        return call("PATCH", JR + "/" + name, token, "application/merge-patch+json", patch);
    }

    @Test
    void anUnknownDecisionIsRefusedWith422AndTheCauseKubectlPrints() throws Exception {
        assertThat(create("aabbccdd01", "", portal).code()).isEqualTo(201);

        Answer refused = mergePatch("ix-as64501-aabbccdd01", "{\"spec\":{\"approval\":{\"decision\":\"Maybe\"}}}", approver);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("reason").asText()).isEqualTo("Invalid");
        assertThat(refused.body().path("message").asText()).startsWith(
                "JoinRequest.ztix.io \"ix-as64501-aabbccdd01\" is invalid: [spec.approval.decision: Unsupported value: \"Maybe\"");
        JsonNode cause = refused.body().path("details").path("causes").get(0);
        assertThat(cause.path("field").asText()).isEqualTo("spec.approval.decision");
        assertThat(cause.path("reason").asText()).isEqualTo("FieldValueNotSupported");
        assertThat(cause.path("message").asText()).isEqualTo("Unsupported value: \"Maybe\": supported values: \"Approved\", \"Rejected\"");
        assertThat(refused.body().path("details").path("kind").asText()).isEqualTo("JoinRequest");
    }

    @Test
    void aRejectionWithoutAReasonFailsTheCrdsCelRule() throws Exception {
        create("aabbccdd02", "", portal);

        Answer refused = mergePatch("ix-as64501-aabbccdd02",
                "{\"spec\":{\"approval\":{\"decision\":\"Rejected\",\"decidedBy\":\"alice\"}}}", approver);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("message").asText()).endsWith(
                "spec.approval: Invalid value: \"object\": a rejection needs a reason");
    }

    @Test
    void anApprovalThatNamesNobodyFailsTheCrdsCelRule() throws Exception {
        create("aabbccdd0a", "", portal);

        Answer refused = mergePatch("ix-as64501-aabbccdd0a",
                "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"  \"}}}", approver);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("message").asText()).contains("decidedBy must name who decided");
    }

    @Test
    void immutableFieldsCannotChangeButTheRestOfTheSpecCan() throws Exception {
        create("aabbccdd03", "", portal);

        Answer refused = mergePatch("ix-as64501-aabbccdd03", "{\"spec\":{\"asn\":64502}}", approver);
        Answer allowed = mergePatch("ix-as64501-aabbccdd03", "{\"spec\":{\"networkName\":\"Example\"}}", approver);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("message").asText()).contains("spec.asn: Invalid value: \"integer\": asn is immutable");
        assertThat(allowed.code()).isEqualTo(200);
        assertThat(allowed.body().path("metadata").path("generation").asInt()).isEqualTo(2);
    }

    /**
     * The CRD's name rule uses optionalOldSelf and passes whenever there is an old object: a misnamed create is
     * refused, while a misnamed object already in etcd still takes the operator's finalizer and its status report.
     */
    @Test
    void theNameRuleIsCheckedOnCreateOnlySoAMisnamedStoredObjectStillTakesAFinalizerAndStatus() throws Exception {
        String misnamed = "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequest\",\"metadata\":{\"name\":"
                + "\"ix-as64999-aabbccdd0f\",\"namespace\":\"" + NS + "\"},\"spec\":{\"asn\":64501,\"networkRef\":\"ix\",\"nodeId\":\"aabbccdd0f\"}}";
        Answer refused = call("POST", JR, portal, "application/json", misnamed);
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("message").asText())
                .contains("Invalid value: \"object\": metadata.name must be <networkRef>-as<asn>-<nodeId>");

        standIn.raw().create(JR, misnamed);
        Answer finalizer = mergePatch("ix-as64999-aabbccdd0f",
                "{\"metadata\":{\"finalizers\":[\"ztix.io/member-cleanup\"]}}", operator);
        Answer status = mergePatch("ix-as64999-aabbccdd0f/status", "{\"status\":{\"phase\":\"Failed\"}}", operator);

        assertThat(finalizer.code()).as(finalizer.body().toString()).isEqualTo(200);
        assertThat(status.code()).as(status.body().toString()).isEqualTo(200);
        assertThat(status.body().path("status").path("phase").asText()).isEqualTo("Failed");
    }

    /** An object etcd holds with a wrong-typed field takes writes that leave the field alone only while ratcheting is on. */
    @Test
    void withoutValidationRatchetingAnObjectBreakingTheSchemaRefusesEveryWriteTheFinalizerIncluded() throws Exception {
        standIn.raw().create(JR, "{\"apiVersion\":\"ztix.io/v1alpha1\",\"kind\":\"JoinRequest\",\"metadata\":{\"name\":"
                + "\"ix-as64501-aabbccdd10\",\"namespace\":\"" + NS + "\"},\"spec\":{\"asn\":\"abc\",\"networkRef\":\"ix\","
                + "\"nodeId\":\"aabbccdd10\"}}");
        String finalizer = "{\"metadata\":{\"finalizers\":[\"ztix.io/member-cleanup\"]}}";
        standIn.validationRatcheting(false);
        Answer refused;
        try {
            refused = mergePatch("ix-as64501-aabbccdd10", finalizer, operator);
        } finally {
            standIn.validationRatcheting(true);
        }
        Answer accepted = mergePatch("ix-as64501-aabbccdd10", finalizer, operator);

        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body().path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec.asn");
        assertThat(accepted.code()).as(accepted.body().toString()).isEqualTo(200);
    }

    @Test
    void onlyApproversDecideAndOnlyInTheirOwnName() throws Exception {
        create("aabbccdd04", "", portal);
        String approve = "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"%s\"}}}";

        Answer byNoc = mergePatch("ix-as64501-aabbccdd04", approve.formatted("mallory"), noc);
        Answer inSomebodyElsesName = mergePatch("ix-as64501-aabbccdd04", approve.formatted("bob"), approver);
        Answer byApprover = mergePatch("ix-as64501-aabbccdd04", approve.formatted("alice"), approver);

        assertThat(byNoc.code()).isEqualTo(403);
        assertThat(byNoc.body().path("reason").asText()).isEqualTo("Forbidden");
        assertThat(byNoc.body().path("message").asText()).isEqualTo("joinrequests.ztix.io \"ix-as64501-aabbccdd04\" is"
                + " forbidden: ValidatingAdmissionPolicy 'ztix-zt-ix-joinrequest-approval' with binding"
                + " 'ztix-zt-ix-joinrequest-approval' denied request: only members of ztix-approvers may set or change"
                + " spec.approval; mallory is not one");
        assertThat(inSomebodyElsesName.code()).isEqualTo(403);
        assertThat(byApprover.code()).isEqualTo(200);
    }

    @Test
    void thePortalMayNotCreateAnApprovedRequest() throws Exception {
        Answer refused = create("aabbccdd05", ",\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"x\"}", portal);

        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.body().path("message").asText()).contains("the portal may create JoinRequests only without spec.approval");
    }

    @Test
    void aStatusFieldTheCrdDoesNotDeclareIsPrunedAndReportedAsAWarning() throws Exception {
        create("aabbccdd06", "", portal);
        JsonNode current = call("GET", JR + "/ix-as64501-aabbccdd06", operator, null, null).body();
        String status = "{\"metadata\":{\"resourceVersion\":\"" + current.path("metadata").path("resourceVersion").asText()
                + "\"},\"status\":{\"phase\":\"Pending\",\"undeclared\":\"x\"}}";

        Answer written = mergePatch("ix-as64501-aabbccdd06/status", status, operator);
        JsonNode read = call("GET", JR + "/ix-as64501-aabbccdd06", operator, null, null).body();

        assertThat(written.code()).isEqualTo(200);
        assertThat(written.warnings()).containsExactly("299 - \"unknown field \\\"status.undeclared\\\"\"");
        assertThat(read.path("status").path("phase").asText()).isEqualTo("Pending");
        assertThat(read.path("status").has("undeclared")).isFalse();
    }

    @Test
    void writesToTheObjectIgnoreStatusAndWritesToStatusIgnoreTheSpec() throws Exception {
        create("aabbccdd07", "", portal);
        mergePatch("ix-as64501-aabbccdd07/status", "{\"status\":{\"phase\":\"Pending\"}}", operator);

        Answer main = mergePatch("ix-as64501-aabbccdd07", "{\"spec\":{\"networkName\":\"N\"},\"status\":{\"phase\":\"Active\"}}", operator);
        Answer status = mergePatch("ix-as64501-aabbccdd07/status", "{\"spec\":{\"networkName\":\"M\"},\"status\":{\"phase\":\"Approved\"}}", operator);

        assertThat(main.body().path("status").path("phase").asText()).isEqualTo("Pending");
        assertThat(main.body().path("spec").path("networkName").asText()).isEqualTo("N");
        assertThat(status.body().path("status").path("phase").asText()).isEqualTo("Approved");
        assertThat(status.body().path("spec").path("networkName").asText()).isEqualTo("N");
        assertThat(status.body().path("metadata").path("generation").asInt()).as("status writes keep the generation").isEqualTo(2);
    }

    @Test
    void aStaleResourceVersionIsAConflict() throws Exception {
        JsonNode created = create("aabbccdd08", "", portal).body();
        String stale = created.path("metadata").path("resourceVersion").asText();
        mergePatch("ix-as64501-aabbccdd08", "{\"spec\":{\"networkName\":\"N\"}}", operator);

        Answer conflict = mergePatch("ix-as64501-aabbccdd08/status",
                "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"status\":{\"phase\":\"Pending\"}}", operator);

        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.body().path("reason").asText()).isEqualTo("Conflict");
        assertThat(conflict.body().path("message").asText()).isEqualTo("Operation cannot be fulfilled on"
                + " joinrequests.ztix.io \"ix-as64501-aabbccdd08\": the object has been modified; please apply your"
                + " changes to the latest version and try again");
    }

    /** The answer a portal gets when another replica created the same request a moment before (see PeeringDbInTheFormTest). */
    @Test
    void aSecondCreateOfTheSameNameIsAlreadyExists() throws Exception {
        assertThat(create("aabbccdd0e", "", portal).code()).isEqualTo(201);

        Answer again = create("aabbccdd0e", "", portal);

        assertThat(again.code()).isEqualTo(409);
        assertThat(again.body().path("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(again.body().path("message").asText())
                .isEqualTo("joinrequests.ztix.io \"ix-as64501-aabbccdd0e\" already exists");
        assertThat(again.body().path("details").path("name").asText()).isEqualTo("ix-as64501-aabbccdd0e");
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthorized() throws Exception {
        assertThat(call("GET", JR, null, null, null).code()).isEqualTo(401);
        assertThat(call("GET", JR, "made-up", null, null).code()).isEqualTo(401);
        assertThat(call("GET", "/version", null, null, null).code()).isEqualTo(200);
    }

    @Test
    void eventsAreSelectedByTheirInvolvedObject() throws Exception {
        for (String name : new String[] {"a", "b"}) {
            call("POST", "/api/v1/namespaces/" + NS + "/events", operator, "application/json", "{\"apiVersion\":\"v1\","
                    + "\"kind\":\"Event\",\"metadata\":{\"name\":\"ev-" + name + "\"},\"involvedObject\":{\"kind\":\"JoinRequest\","
                    + "\"name\":\"jr-" + name + "\",\"namespace\":\"" + NS + "\"},\"reason\":\"Approved\",\"type\":\"Normal\","
                    + "\"message\":\"m\"}");
        }

        JsonNode selected = call("GET", "/api/v1/namespaces/" + NS + "/events?fieldSelector="
                + "involvedObject.name%3Djr-a%2CinvolvedObject.kind%3DJoinRequest", operator, null, null).body();

        assertThat(selected.path("items")).hasSize(1);
        assertThat(selected.path("items").get(0).path("metadata").path("name").asText()).isEqualTo("ev-a");
    }

    @Test
    void anHttpWatchStreamsChangesAfterTheListedVersionOnly() throws Exception {
        JsonNode list = call("GET", JR, operator, null, null).body();
        String since = list.path("metadata").path("resourceVersion").asText();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
        HttpRequest watch = HttpRequest.newBuilder(URI.create(standIn.url() + JR + "?watch=true&resourceVersion=" + since))
                .header("Authorization", "Bearer " + operator).build();
        var response = HTTP.sendAsync(watch, HttpResponse.BodyHandlers.ofInputStream()).get(20, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        create("aabbccdd09", "", portal);
        String event = lines.poll(20, TimeUnit.SECONDS);

        assertThat(event).isNotNull();
        JsonNode parsed = JSON.readTree(event);
        assertThat(parsed.path("type").asText()).isEqualTo("ADDED");
        assertThat(parsed.path("object").path("metadata").path("name").asText()).isEqualTo("ix-as64501-aabbccdd09");
        response.body().close();
    }

    @Test
    void resourceVersionsIncreaseAcrossResourcesAsOneCounter() throws Exception {
        long event = version(call("POST", "/api/v1/namespaces/" + NS + "/events", operator, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"ev-counter\"},\"involvedObject\":"
                        + "{\"kind\":\"JoinRequest\",\"name\":\"jr-counter\",\"namespace\":\"" + NS + "\"},\"reason\":\"Approved\","
                        + "\"type\":\"Normal\",\"message\":\"m\"}"));
        long request = version(create("aabbccdd1c", "", portal));
        long configMap = version(call("POST", "/api/v1/namespaces/" + NS + "/configmaps", operator, "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"counter\"}}"));

        assertThat(request).as("a JoinRequest written after an Event").isGreaterThan(event);
        assertThat(configMap).as("a ConfigMap written after the JoinRequest").isGreaterThan(request);
        long listed = version(call("GET", "/api/v1/namespaces/" + NS + "/events", operator, null, null));
        assertThat(listed).as("an Event list is as of the latest write of any kind, as etcd's revision is")
                .isGreaterThanOrEqualTo(configMap);
    }

    /** The store finds an object by namespace and name: a name used in two namespaces is two objects. */
    @Test
    void oneNameInTwoNamespacesIsTwoObjectsAndADeleteRemovesOnlyItsOwn() throws Exception {
        standIn.createNamespace("twins");
        String ours = "/api/v1/namespaces/" + NS + "/configmaps";
        String theirs = "/api/v1/namespaces/twins/configmaps";
        for (String collection : new String[] {ours, theirs}) {
            assertThat(call("POST", collection, operator, "application/json", "{\"apiVersion\":\"v1\",\"kind\":"
                    + "\"ConfigMap\",\"metadata\":{\"name\":\"twin\"},\"data\":{\"in\":\"" + collection + "\"}}").code())
                    .isBetween(200, 201);
        }
        call("PATCH", theirs + "/twin", operator, "application/merge-patch+json", "{\"data\":{\"patched\":\"yes\"}}");

        assertThat(call("GET", ours + "/twin", operator, null, null).body().path("data").path("in").asText()).isEqualTo(ours);
        assertThat(call("GET", ours + "/twin", operator, null, null).body().path("data").has("patched")).isFalse();
        assertThat(call("GET", theirs + "/twin", operator, null, null).body().path("data").path("patched").asText())
                .isEqualTo("yes");

        assertThat(call("DELETE", theirs + "/twin", operator, null, null).code()).isEqualTo(200);

        Answer gone = call("GET", theirs + "/twin", operator, null, null);
        assertThat(gone.code()).isEqualTo(404);
        assertThat(gone.body().path("reason").asText()).isEqualTo("NotFound");
        assertThat(call("GET", ours + "/twin", operator, null, null).code()).isEqualTo(200);
        assertThat(call("PATCH", theirs + "/twin", operator, "application/merge-patch+json", "{\"data\":{}}").code())
                .isEqualTo(404);
        assertThat(call("POST", theirs, operator, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"twin\"},\"data\":{\"again\":\"yes\"}}").code()).isBetween(200, 201);
        assertThat(call("GET", theirs + "/twin", operator, null, null).body().path("data").path("again").asText())
                .isEqualTo("yes");
        assertThat(call("GET", theirs, operator, null, null).body().path("items")).hasSize(1);
    }

    private static long version(Answer answer) {
        assertThat(answer.code()).as("%s", answer.body()).isBetween(200, 201);
        return Long.parseLong(answer.body().path("metadata").path("resourceVersion").asText());
    }

    @Test
    void theOpenApiDocumentsNameTheSchemaAndTheFieldValidationParameter() throws Exception {
        JsonNode root = call("GET", "/openapi/v3", operator, null, null).body();
        String url = root.path("paths").path("apis/ztix.io/v1alpha1").path("serverRelativeURL").asText();
        JsonNode doc = call("GET", url, operator, null, null).body();

        JsonNode schema = doc.path("components").path("schemas").path("io.ztix.v1alpha1.JoinRequest");
        assertThat(schema.path("x-kubernetes-group-version-kind").get(0).path("kind").asText()).isEqualTo("JoinRequest");
        assertThat(schema.path("properties").path("spec").path("properties").has("nodeId")).isTrue();
        JsonNode path = doc.path("paths").path("/apis/ztix.io/v1alpha1/namespaces/{namespace}/joinrequests/{name}");
        assertThat(path.path("patch").path("parameters").findValuesAsText("name")).as("where kubectl looks for it")
                .contains("fieldValidation");
        assertThat(call("GET", "/openapi/v2", operator, null, null).body().path("definitions")
                .has("io.ztix.v1alpha1.JoinRequest")).isTrue();
    }
}
