package io.ztix.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ztix.testing.RealTools;
import io.ztix.portal.testsupport.Browser;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;

/**
 * Starts the whole sandbox (built operator and portal as processes), walks the README's flow as a newcomer
 * would: stand-in PeeringDB login, request, approval with the real kubectl, Active with addresses; then
 * shuts it down and checks that nothing it started is still running.
 */
class SandboxEndToEndTest {

    private static final Path REPO = Path.of(System.getProperty("ztix.repo.root", "..")).toAbsolutePath().normalize();
    private static final String NODE_ID = "abcdef0123";

    @Test
    void requestSubmittedInThePortalAndApprovedWithKubectlBecomesActiveWithItsAddressesAndShutdownLeavesNothing()
            throws Exception {
        RealTools.require("bird", LocalRouteServer.BIRD);
        RealTools.require("birdc", LocalRouteServer.BIRDC);
        RealTools.require("sshd", LocalRouteServer.SSHD);
        RealTools.require("stayrtr", LocalRouteServer.STAYRTR);
        SandboxOptions options = new SandboxOptions(REPO, REPO.resolve("sandbox/target/sandbox-test"), 0,
                Optional.empty(), Optional.empty(), true);
        Kubectl kubectl;
        List<Long> pids;
        try (Sandbox sandbox = Sandbox.start(options); Browser browser = new Browser(new URL(sandbox.portalUrl()))) {
            kubectl = new Kubectl(sandbox.kubeconfig());
            pids = sandbox.childPids();
            assertThat(sandbox.hasRouteServer()).isTrue();

            HtmlPage standIn = browser.page("/auth/peeringdb");
            assertThat(standIn.asNormalizedText()).contains("Stand-in PeeringDB").contains("not PeeringDB");
            HtmlPage landed = Browser.click(standIn, "login-alice");
            assertThat(landed.asNormalizedText()).contains("Alice").contains("stand-ins");

            HtmlPage form = browser.page("/requests/new");
            HtmlSelect asn = (HtmlSelect) form.getElementById("asn");
            assertThat(asn.getOptions()).extracting(HtmlOption::getValueAttribute).contains("64501", "64502");
            asn.setSelectedAttribute("64501", true);
            ((HtmlSelect) form.getElementById("networkRef")).setSelectedAttribute(Sandbox.NETWORK, true);
            HtmlForm request = form.getHtmlElementById("new-request");
            request.getInputByName("nodeId").setValue(NODE_ID);
            HtmlPage detail = Browser.click(Browser.click(form, "review"), "submit");
            String detailPath = detail.getUrl().getPath();
            assertThat(detail.getElementById("phase").getAttribute("data-phase")).isEqualTo("Pending");

            String name = Sandbox.NETWORK + "-as64501-" + NODE_ID;
            assertThat(kubectl.run("get", "jr")).contains(name);
            try (Browser ada = new Browser(new URL(sandbox.portalUrl()))) {
                ada.loginWithPeeringDb(StandInUsers.ADMIN);
                assertThat(ada.page("/admin/pending").asNormalizedText()).as("the stand-in admin sees the queue")
                        .contains(name);
            }
            assertThat(kubectl.run("get", "joinrequest", name, "-o", "yaml")).contains("nodeId: " + NODE_ID);
            kubectl.run("-n", Sandbox.NAMESPACE, "patch", "joinrequest", name, "--type=merge", "-p",
                    "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"sandbox-admin\"}}}");

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                HtmlPage now = browser.page(detailPath);
                assertThat(now.getElementById("phase").getAttribute("data-phase")).isEqualTo("Active");
                assertThat(now.getElementById("addresses").asNormalizedText())
                        .contains("2001:db8:ff:0:6:4501:0:1").contains("203.0.113.");
            });
            // the looking glass runs as the chart runs it: the portal reads the member's routes from the operator
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(browser.page(detailPath + "/routes?rs=rs1&family=ipv6&filtered=false").asNormalizedText())
                            .as("the routes of the member's IPv6 session, from the operator's looking glass")
                            .contains("accepted no route").doesNotContain("cannot be shown"));
            assertThat(lookingGlass(sandbox, sandbox.lookingGlassToken()).statusCode()).isEqualTo(200);
            assertThat(lookingGlass(sandbox, "not-the-token").statusCode()).as("only with the shared token").isEqualTo(401);
            assertThat(kubectl.run("wait", "--for=jsonpath={.status.phase}=Active", "jr/" + name, "--timeout=60s"))
                    .as("kubectl wait follows the request over an HTTP watch").contains("condition met");
            assertThat(kubectl.run("get", "jr", name, "-o", "yaml")).contains("phase: Active");
            try (Kubectl.Running watch = kubectl.start("get", "jr", name, "-w")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(watch.output()).as("kubectl get -w lists the request first").contains("Active"));
                int before = watch.output().split("\n").length;
                kubectl.run("annotate", "jr", name, "sandbox.ztix.io/seen=yes");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(watch.output().split("\n"))
                        .as("kubectl get -w follows a change: %s", watch.output()).hasSizeGreaterThan(before));
                assertThat(watch.isAlive()).as("the watch is still open").isTrue();
            }
            assertThat(kubectl.run("get", "jr", name, "-o", "wide")).as("priority-1 columns").contains("REQUESTER",
                    "DECIDED BY", "ROUTE SERVERS", "Alice Operator", KubernetesApi.ADMIN, "Configured on every route server: rs1");
            assertThat(kubectl.run("describe", "jr", name)).as("describe shows the request's Events").contains("Events:")
                    .contains("Approved");
            assertThat(kubectl.run("get", "events")).contains("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE",
                    "joinrequest/" + name);
            assertThat(kubectl.run("get", "jr", name)).as("printer columns").contains("PHASE", "Active", "64501",
                    "2001:db8:ff:0:6:4501:0:1");

            Path example = REPO.resolve("examples/30-joinrequest.yaml");
            // the example names its requester, which only the portal may set (the chart's policy)
            assertThat(kubectl.refused("apply", "-f", example.toString())).as("an admin may not vouch for a requester")
                    .contains("Forbidden").contains("only the portal may set spec.requester");
            assertThat(new Kubectl(sandbox.portalKubeconfig()).run("apply", "-f", example.toString()))
                    .as("validated by the server").contains("created");
            // --wait=false: the stand-in does not replay a resumed watch's missed events (see the sandbox README),
            // so kubectl's own wait could miss the deletion if its watch breaks; the test waits for it instead
            assertThat(kubectl.run("delete", "jr", "ix-as64501-aabbccdd01", "--wait=false")).contains("deleted");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kubectl.run("get", "jr", "-o", "name"))
                    .as("the operator removes its finalizer, then the request is gone")
                    .doesNotContain("aabbccdd01").contains(name));
            try (Browser rita = new Browser(new URL(sandbox.portalUrl()));
                    Browser uma = new Browser(new URL(sandbox.portalUrl()))) {
                HtmlPage readOnly = rita.loginWithPeeringDb(StandInUsers.READ_ONLY);
                assertThat(readOnly.getUrl().getPath()).isEqualTo("/not-eligible");
                assertThat(readOnly.getElementById("why-perms").asNormalizedText()).contains("too few permissions");
                uma.loginWithPeeringDb(StandInUsers.UNVERIFIED);
                assertThat(uma.page("/requests/new").getElementById("cannot-submit").asNormalizedText())
                        .contains("not verified");
            }
            assertThat(kubectl.run("get", "ztrs", "rs1", "-o", "yaml")).contains("2001:db8:ff:0:6:4501:0:1");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("process %d still running", pid).isFalse()));
        for (String log : List.of("operator.log", "portal.log")) {
            String text = java.nio.file.Files.readString(options.workDirectory().resolve("logs").resolve(log));
            assertThat(text).as("%s: a normal start has no build-time warnings", log)
                    .contains("started in")
                    .doesNotContain("Build time property cannot be changed at runtime")
                    .doesNotContain("Unable to detect the content type");
        }
    }

    @Test
    void helpPrintsTheOptionsAndExitsZero() throws Exception {
        Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Sandbox.class.getName(), "--help").redirectErrorStream(true).start();
        String printed = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(help.waitFor()).as(printed).isZero();
        assertThat(printed).contains("--portal-port").contains("--no-route-server");
    }

    private static java.net.http.HttpResponse<String> lookingGlass(Sandbox sandbox, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                sandbox.lookingGlassUrl() + "/api/v1/routeservers/" + Sandbox.NAMESPACE + "/rs1/status"))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutARouteServerASecondStartWorksAndAnApprovedRequestStillTurnsActive() {
        SandboxOptions options = new SandboxOptions(REPO, REPO.resolve("sandbox/target/sandbox-restart"), 0,
                Optional.empty(), Optional.empty(), false);
        try (Sandbox first = Sandbox.start(options)) {
            assertThat(first.hasRouteServer()).isFalse();
            assertThat(first.instructions()).contains("NONE RUNS");
        }
        try (Sandbox second = Sandbox.start(options)) {
            Kubectl kubectl = new Kubectl(second.kubeconfig());
            assertThat(kubectl.run("get", "ztrs")).doesNotContain("rs1");
            new Kubectl(second.portalKubeconfig()).run("apply", "-f", REPO.resolve("examples/30-joinrequest.yaml").toString());
            kubectl.run("patch", "jr", "ix-as64501-aabbccdd01", "--type=merge", "-p",
                    "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"sandbox-admin\"}}}");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(kubectl.run("get", "jr", "ix-as64501-aabbccdd01", "-o",
                            "jsonpath={.status.phase} {.status.assignedIps.ipv6}"))
                            .isEqualTo("Active 2001:db8:ff:0:6:4501:0:1"));
        }
    }

    @Test
    void everyInvalidValueOfTheWalkThroughIsRefusedWithTheMessageARealClusterGives() {
        SandboxOptions options = new SandboxOptions(REPO, REPO.resolve("sandbox/target/sandbox-refusals"), 0,
                Optional.empty(), Optional.empty(), false);
        try (Sandbox sandbox = Sandbox.start(options)) {
            Kubectl admin = new Kubectl(sandbox.kubeconfig());
            Kubectl portal = new Kubectl(sandbox.portalKubeconfig());
            String jr = "ix-as64501-aabbccdd01";
            portal.run("apply", "-f", REPO.resolve("examples/30-joinrequest.yaml").toString());
            String invalid = "The JoinRequest \"" + jr + "\" is invalid: ";

            assertThat(patch(admin, jr, "{\"spec\":{\"approval\":{\"decision\":\"Rejected\",\"decidedBy\":\"sandbox-admin\"}}}"))
                    .contains(invalid + "spec.approval: Invalid value: \"object\": a rejection needs a reason");
            assertThat(patch(admin, jr, "{\"spec\":{\"approval\":{\"decision\":\"Maybe\",\"decidedBy\":\"sandbox-admin\"}}}"))
                    .contains("spec.approval.decision: Unsupported value: \"Maybe\": supported values: \"Approved\", \"Rejected\"");
            assertThat(patch(admin, jr, "{\"spec\":{\"asn\":\"abc\"}}"))
                    .contains("spec.asn: Invalid value: \"string\": spec.asn in body must be of type integer: \"string\"");
            assertThat(patch(admin, jr, "{\"spec\":{\"asn\":0}}"))
                    .contains("spec.asn: Invalid value: 0: spec.asn in body should be greater than or equal to 1");
            assertThat(patch(admin, jr, "{\"spec\":{\"asn\":4294967296}}")).contains("spec.asn: Invalid value:"
                    + " 4294967296: spec.asn in body should be less than or equal to 4.294967295e+09");
            assertThat(patch(admin, jr, "{\"spec\":{\"nodeId\":\"zz\"}}"))
                    .contains("spec.nodeId: Invalid value: \"zz\": spec.nodeId in body should match '^[0-9a-f]{10}$'");
            assertThat(patch(admin, jr, "{\"spec\":{\"asn\":64502}}"))
                    .contains("spec.asn: Invalid value: \"integer\": asn is immutable");
            assertThat(patch(admin, jr, "{\"spec\":{\"nodeId\":\"aabbccdd02\"}}"))
                    .contains("spec.nodeId: Invalid value: \"string\": nodeId is immutable");
            assertThat(patch(admin, jr, "{\"spec\":{\"networkRef\":\"other\"}}"))
                    .contains("spec.networkRef: Invalid value: \"string\": networkRef is immutable");

            String approve = "{\"spec\":{\"approval\":{\"decision\":\"Approved\",\"decidedBy\":\"noc\"}}}";
            assertThat(admin.refused("--context", KubernetesApi.NON_APPROVER, "patch", "jr", jr, "--type=merge", "-p", approve))
                    .contains("Error from server (Forbidden): joinrequests.ztix.io \"" + jr + "\" is forbidden:"
                            + " ValidatingAdmissionPolicy 'ztix-zt-ix-joinrequest-approval' with binding"
                            + " 'ztix-zt-ix-joinrequest-approval' denied request: only members of ztix-approvers may set"
                            + " or change spec.approval; noc is not one");
            assertThat(patch(portal, jr, approve)).contains("is forbidden: ValidatingAdmissionPolicy")
                    .contains("the portal may create JoinRequests only without spec.approval");
            assertThat(admin.run("get", "jr", jr, "-o", "jsonpath={.spec.asn} {.spec.nodeId} {.spec.approval}"))
                    .as("nothing was changed").isEqualTo("64501 aabbccdd01 ");

            assertThat(admin.run("auth", "whoami")).contains(KubernetesApi.ADMIN).contains("ztix-approvers");
            assertThat(admin.run("explain", "jr.spec")).contains("nodeId").contains("ZeroTier node ID");
        }
    }

    private static String patch(Kubectl kubectl, String name, String patch) {
        return kubectl.refused("patch", "jr", name, "--type=merge", "-p", patch);
    }
}
