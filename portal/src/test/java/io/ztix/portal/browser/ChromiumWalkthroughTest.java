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
        String script = new String(getClass().getResourceAsStream("/browser/rendered-order.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
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
        assertPaintedLeftToRight("the form", "zerotier-cli info", "AS64501");
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
