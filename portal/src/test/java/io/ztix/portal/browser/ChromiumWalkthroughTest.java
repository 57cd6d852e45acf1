package io.ztix.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.Phase;
import io.ztix.portal.kube.ResourceCache;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import io.ztix.testing.RealTools;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium walks through the portal: PeeringDB login, a new request, the live status
 * change when the operator updates the JoinRequest, logout, and the Hebrew page laid out right-to-left.
 * Screenshots go to target/screenshots.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(PortalTestResources.class)
class ChromiumWalkthroughTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @Inject
    ResourceCache cache;

    WebDriver driver;
    Path profile;
    ChromeDriverService service;

    @BeforeEach
    void startChromium() throws IOException {
        Path chromium = RealTools.require("chromium", "/usr/bin/chromium");
        Path chromedriver = RealTools.require("chromedriver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("ztix-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    @Test
    void memberLogsInRequestsAPortSeesItGoLiveWithoutReloadingAndLogsOut() throws IOException {
        Cluster cluster = new Cluster(client, cache);
        cluster.network("browserlan", "Browser LAN", true);
        cluster.routeServer("browser-rs1", "browserlan", 64999, "2001:db8:ff::1", "203.0.113.1");

        driver.get(url("/login"));
        driver.findElement(By.id("login-peeringdb")).click();
        driver.findElement(By.id("user")).sendKeys("full");
        driver.findElement(By.id("authorize")).click();
        waitUpTo(15).until(ExpectedConditions.urlToBe(url("/requests")));

        driver.get(url("/requests/new"));
        new Select(driver.findElement(By.id("asn"))).selectByValue("64501");
        new Select(driver.findElement(By.id("networkRef"))).selectByValue("browserlan");
        driver.findElement(By.id("nodeId")).sendKeys("0000000c01");
        driver.findElement(By.id("review")).click();
        assertThat(driver.findElement(By.id("facts")).getText()).contains("RIPE::AS-EXAMPLE");
        screenshot("01-review");
        driver.findElement(By.id("submit")).click();
        String name = "browserlan-as64501-0000000c01";
        waitUpTo(10).until(ExpectedConditions.urlContains("/requests/" + name));
        assertThat(driver.findElement(By.id("phase")).getText()).isEqualTo("Received");
        assertThat(driver.findElement(By.cssSelector("[data-field='conditions']")).getText())
                .as("what happens next, not empty rows").contains("an IX admin approves or rejects it");
        screenshot("02-submitted");

        cluster.awaitCached(name);
        cluster.patchStatus(name, jr -> {
            jr.getStatus().phase = Phase.Active;
            jr.getStatus().assignedIps = new AssignedIps("2001:db8:ff::fbf5:c01", "203.0.113.77");
            jr.getStatus().conditions.add(new Condition("Ready", "True", "Configured", null));
        });
        waitUpTo(15).until(ExpectedConditions.textToBe(By.id("phase"), "Active"));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("bird")));
        assertThat(driver.findElement(By.id("addresses")).getText()).contains("2001:db8:ff::fbf5:c01");
        assertThat(driver.findElement(By.id("bird")).getText()).contains("neighbor 2001:db8:ff::1 as 64999;");
        screenshot("03-live-active");

        driver.findElement(By.id("logout")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/login"));
        driver.get(url("/requests"));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/login"));
    }

    /** Every occurrence of the token on the page, painted left to right, in a left-to-right element. */
    private void assertPaintedLeftToRight(String page, String... tokens) throws IOException {
        String script = script("rendered-order.js");
        for (String token : tokens) {
            String found = (String) ((JavascriptExecutor) driver).executeScript(script, token);
            assertThat(found).as("%s shows %s", page, token).isNotEqualTo("[]");
            assertThat(found).as("every %s on %s is painted left to right in an LTR element", token, page)
                    .doesNotContain("\"inOrder\":false").doesNotContain("\"direction\":\"rtl\"");
        }
    }

    @Test
    void inHebrewEveryAddressNodeAsnTimestampAndCommandOnMemberAndAdminPagesReadsLeftToRight() throws IOException {
        Cluster cluster = new Cluster(client, cache);
        cluster.network("rtllan", "RTL LAN", true);
        cluster.routeServer("rtl-rs1", "rtllan", 64999, "2001:db8:ff::1", "203.0.113.1");
        io.ztix.api.joinrequest.JoinRequest jr = Cluster.newRequest("rtllan", 64501, "00000000e1");
        jr.getSpec().networkName = "Example Net";
        jr.getSpec().requester = new io.ztix.api.joinrequest.Requester();
        jr.getSpec().requester.name = "Alice Operator";
        jr.getSpec().requester.peeringdbUserId = 1001L;
        cluster.create(jr);
        String name = jr.getMetadata().getName();
        cluster.patchStatus(name, r -> {
            r.getStatus().phase = Phase.Active;
            r.getStatus().assignedIps = new AssignedIps("2001:db8:ff:0:6:4501:0:1", "203.0.113.45");
            io.ztix.api.joinrequest.RouteServerEntry entry = new io.ztix.api.joinrequest.RouteServerEntry();
            entry.name = "rtl-rs1";
            entry.configured = true;
            io.ztix.api.routeserver.PeerStatus session = new io.ztix.api.routeserver.PeerStatus();
            session.family = "ipv6";
            session.state = "Established";
            session.since = "2026-12-01 10:15:02.123";
            entry.sessions.add(session);
            entry.path = new io.ztix.api.routeserver.ZeroTierPath();
            entry.path.reach = io.ztix.api.routeserver.ZeroTierPath.Reach.Direct;
            entry.path.latencyMs = 12;
            entry.path.version = "1.14.2";
            r.getStatus().routeServers.add(entry);
        });

        driver.get(url("/login"));
        driver.get(url("/lang/he"));
        driver.get(url("/login"));
        driver.findElement(By.id("login-peeringdb")).click();
        driver.findElement(By.id("user")).sendKeys("full");
        driver.findElement(By.id("authorize")).click();
        waitUpTo(15).until(ExpectedConditions.urlToBe(url("/requests")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertPaintedLeftToRight("the list", "2001:db8:ff:0:6:4501:0:1", "203.0.113.45", "AS64501", "rtllan",
                "00000000e1", "rtl-rs1", "2026-12-01 10:15:02.123");
        screenshot("05-hebrew-list");

        driver.get(url("/requests/" + name));
        assertPaintedLeftToRight("the request", "2001:db8:ff:0:6:4501:0:1", "203.0.113.45", "AS64501", "00000000e1",
                "zerotier-cli join 8056c2e21c000001", "2001:db8:ff::1", "rtl-rs1", "2026-12-01 10:15:02.123",
                "ZeroTier 1.14.2", "AS64999");
        screenshot("06-hebrew-request");

        driver.get(url("/requests/new"));
        assertPaintedLeftToRight("the form", "zerotier-cli info", "200 info 8056c2e21c 1.14.2 ONLINE");
        driver.findElement(By.id("logout")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/login"));

        io.ztix.api.joinrequest.JoinRequest pending = Cluster.newRequest("rtllan", 64510, "00000000e2");
        pending.getSpec().requester = new io.ztix.api.joinrequest.Requester();
        pending.getSpec().requester.name = "Otto Other";
        pending.getSpec().requester.peeringdbUserId = 1005L;
        cluster.create(pending);
        driver.findElement(By.id("login-peeringdb")).click();
        driver.findElement(By.id("user")).sendKeys("admin");
        driver.findElement(By.id("authorize")).click();
        waitUpTo(15).until(ExpectedConditions.urlToBe(url("/requests")));
        driver.get(url("/admin/pending"));
        assertPaintedLeftToRight("the pending queue", "AS64510", "00000000e2", "PeeringDB 1005",
                "kubectl -n test patch joinrequest " + pending.getMetadata().getName());
        screenshot("07-hebrew-pending");
        driver.get(url("/admin/requests"));
        assertPaintedLeftToRight("all requests", name, "2001:db8:ff:0:6:4501:0:1", "PeeringDB 1001");
        driver.get(url("/admin/audit"));
        assertPaintedLeftToRight("the audit log", "peeringdb:9001");
        screenshot("08-hebrew-audit");
    }

    private String script(String name) throws IOException {
        return new String(getClass().getResourceAsStream("/browser/" + name).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void inChineseAMemberReadsOnlyChineseStatusDrawnInARealCjkFontAndAnAdminAlsoTheOperatorsMessage() throws IOException {
        Cluster cluster = new Cluster(client, cache);
        cluster.network("zhlan", "Chinese LAN", true);
        io.ztix.api.joinrequest.JoinRequest pending = Cluster.newRequest("zhlan", 64501, "00000000f1");
        pending.getSpec().requester = new io.ztix.api.joinrequest.Requester();
        pending.getSpec().requester.peeringdbUserId = 1001L;
        cluster.create(pending);
        cluster.patchStatus(pending.getMetadata().getName(), r -> {
            r.getStatus().phase = Phase.Pending;
            r.getStatus().conditions.add(new Condition("Valid", "True", "Valid", "The request is valid and its network exists"));
            r.getStatus().conditions.add(new Condition("Approved", "Unknown", "AwaitingDecision",
                    "Waiting for an IX admin to approve or reject the request"));
            r.getStatus().conditions.add(new Condition("Ready", "False", "AwaitingDecision", "Not approved yet"));
        });
        io.ztix.api.joinrequest.JoinRequest active = Cluster.newRequest("zhlan", 64501, "00000000f2");
        active.getSpec().approval = new io.ztix.api.joinrequest.Approval(
                io.ztix.api.joinrequest.Approval.Decision.Approved, null, "ada");
        cluster.create(active);
        cluster.patchStatus(active.getMetadata().getName(), r -> {
            r.getStatus().phase = Phase.Active;
            r.getStatus().assignedIps = new AssignedIps("2001:db8:ff::fbf5:f2", "203.0.113.62");
            r.getStatus().conditions.add(new Condition("Ready", "True", "Active",
                    "The member is authorized and configured on every route server"));
            r.getStatus().conditions.add(new Condition("Approved", "True", "Approved", "Approved by ada"));
            io.ztix.api.joinrequest.RouteServerEntry entry = new io.ztix.api.joinrequest.RouteServerEntry();
            entry.name = "zh-rs1";
            entry.configured = true;
            io.ztix.api.routeserver.PeerStatus session = new io.ztix.api.routeserver.PeerStatus();
            session.family = "ipv6";
            session.state = "Idle";
            entry.sessions.add(session);
            r.getStatus().routeServers.add(entry);
        });

        driver.get(url("/login"));
        driver.get(url("/lang/zh-CN"));
        driver.get(url("/login"));
        driver.findElement(By.id("login-peeringdb")).click();
        driver.findElement(By.id("user")).sendKeys("full");
        driver.findElement(By.id("authorize")).click();
        waitUpTo(15).until(ExpectedConditions.urlToBe(url("/requests")));
        String list = driver.findElement(By.tagName("main")).getText();
        assertThat(list).contains("等待 IX 批准或拒绝该请求").contains("空闲")
                .doesNotContain("Waiting for an IX admin").doesNotContain("Not approved yet").doesNotContain("authorized");
        assertThat(list.split("等待 IX 批准或拒绝该请求", -1)).as("said once").hasSize(2);
        screenshot("09-chinese-list");

        driver.get(url("/requests/" + active.getMetadata().getName()));
        String detail = driver.findElement(By.tagName("main")).getText();
        assertThat(detail).contains("已批准").doesNotContain("Approved").doesNotContain("every route server");
        assertThat(detail.indexOf("一切就绪")).as("the summary after the steps it sums up")
                .isGreaterThan(detail.indexOf("IX 已批准该请求"));
        @SuppressWarnings("unchecked")
        java.util.List<String> glyphs = (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                script("glyphs.js"), java.util.List.of("审", "批", "等", new String(Character.toChars(0x10FFFD))));
        assertThat(glyphs).as("Chinese characters drawn as themselves, not as the .notdef box").doesNotHaveDuplicates();
        assertThat(glyphs.get(0)).doesNotStartWith("0:");

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        driver.get(url("/requests"));
        for (org.openqa.selenium.WebElement phase : driver.findElements(By.cssSelector("td[data-phase]"))) {
            long lines = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "var r = document.createRange(); r.selectNodeContents(arguments[0]);"
                            + "return new Set(Array.from(r.getClientRects()).map(function (x) { return Math.round(x.top); })).size;",
                    phase)).longValue();
            assertThat(lines).as("%s on one line", phase.getText()).isEqualTo(1);
        }
        screenshot("10-chinese-narrow");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.findElement(By.id("logout")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/login"));

        driver.findElement(By.id("login-peeringdb")).click();
        driver.findElement(By.id("user")).sendKeys("admin");
        driver.findElement(By.id("authorize")).click();
        waitUpTo(15).until(ExpectedConditions.urlToBe(url("/requests")));
        driver.get(url("/admin/pending"));
        String queue = driver.findElement(By.tagName("main")).getText();
        assertThat(queue).as("admins read the operator's message").contains("Waiting for an IX admin to approve or reject");
        screenshot("11-chinese-pending");
    }

    @Test
    void hebrewPagesRenderRightToLeft() throws IOException {
        driver.get(url("/login"));
        driver.findElement(By.cssSelector("a[hreflang='he']")).click();
        waitUpTo(10).until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return getComputedStyle(document.body).direction")).isEqualTo("rtl");
        long brandX = ((Number) js.executeScript(
                "return document.querySelector('.brand').getBoundingClientRect().left")).longValue();
        long languagesX = ((Number) js.executeScript(
                "return document.querySelector('.languages').getBoundingClientRect().left")).longValue();
        assertThat(brandX).as("the brand sits on the right in RTL").isGreaterThan(languagesX);
        assertThat(driver.findElement(By.id("login-peeringdb")).getText()).isEqualTo("התחברות עם PeeringDB");
        screenshot("04-hebrew-rtl");
    }
}
