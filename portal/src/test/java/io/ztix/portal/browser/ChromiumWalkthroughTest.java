package io.ztix.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.KubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.InjectKubeApiStandIn;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
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
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class ChromiumWalkthroughTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    @InjectKubeApiStandIn
    KubeApiStandIn api;

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
        Cluster cluster = new Cluster(client, api, cache);
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
