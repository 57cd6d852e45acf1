package io.ztix.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztix.testing.RealTools;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver, required in CI) on a fresh profile, pointed at the
 * portal under test; screenshots go to target/screenshots (kept as CI artifacts).
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final URL base;
    private final Path profile;
    private final ChromeDriverService service;

    Chromium(URL base) throws IOException {
        this.base = base;
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

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /**
     * The element once the page shows it: a click that submits a form or follows a link returns before the next page
     * has replaced the current one, so a plain findElement can still look at the old page. Times out with the page's
     * address and text, so a failure says what the portal showed instead.
     */
    WebElement element(By locator) {
        try {
            return waitUpTo(15).until(ExpectedConditions.presenceOfElementLocated(locator));
        } catch (TimeoutException e) {
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + locator + " on " + driver.getCurrentUrl() + " within 15 s; the page says: "
                    + text.substring(0, Math.min(text.length(), 2000)), e);
        }
    }

    Object run(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A script from src/test/resources/browser. */
    String script(String name) throws IOException {
        return new String(getClass().getResourceAsStream("/browser/" + name).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Logs in as a user of the PeeringDB stand-in, from the login page, and waits for the request list. */
    void loginWithPeeringDb(String user) {
        driver.findElement(By.id("login-peeringdb")).click();
        element(By.id("user")).sendKeys(user);
        driver.findElement(By.id("authorize")).click();
        waitUpTo(15).until(ExpectedConditions.urlToBe(url("/requests")));
    }

    void logout() {
        driver.findElement(By.id("logout")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/login"));
    }

    /** Every occurrence of each token on the page is painted left to right, in a left-to-right element or isolate. */
    void assertPaintedLeftToRight(String page, String... tokens) throws IOException {
        String script = script("rendered-order.js");
        for (String token : tokens) {
            String found = (String) run(script, token);
            assertThat(found).as("%s shows %s", page, token).isNotEqualTo("[]");
            assertThat(found).as("every %s on %s is painted left to right in an LTR element", token, page)
                    .doesNotContain("\"inOrder\":false").doesNotContain("\"direction\":\"rtl\"");
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
