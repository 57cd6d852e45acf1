package io.ztix.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.AssignedIps;
import io.ztix.api.joinrequest.Phase;
import io.ztix.portal.testsupport.Cluster;
import io.ztix.portal.testsupport.PortalTestResources;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A real headless Chromium walks through the portal: PeeringDB login, a new request, the live status
 * change when the operator updates the JoinRequest, logout, and the Hebrew page laid out right-to-left.
 * Screenshots go to target/screenshots.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class ChromiumWalkthroughTest extends ChromiumPages {

    @Test
    void memberLogsInRequestsAPortSeesItGoLiveWithoutReloadingAndLogsOut() throws IOException {
        Cluster cluster = new Cluster(client, api, cache);
        cluster.network("browserlan", "Browser LAN", true);
        cluster.routeServer("browser-rs1", "browserlan", 64999, "2001:db8:ff::1", "203.0.113.1");

        driver.get(chromium.url("/login"));
        chromium.loginWithPeeringDb("full");

        driver.get(chromium.url("/requests/new"));
        new Select(driver.findElement(By.id("asn"))).selectByValue("64501");
        new Select(driver.findElement(By.id("networkRef"))).selectByValue("browserlan");
        driver.findElement(By.id("nodeId")).sendKeys("0000000c01");
        driver.findElement(By.id("review")).click();
        assertThat(chromium.element(By.id("facts")).getText()).contains("RIPE::AS-EXAMPLE");
        chromium.screenshot("01-review");
        driver.findElement(By.id("submit")).click();
        String name = "browserlan-as64501-0000000c01";
        chromium.waitUpTo(10).until(ExpectedConditions.urlContains("/requests/" + name));
        assertThat(driver.findElement(By.id("phase")).getText()).isEqualTo("Received");
        assertThat(driver.findElement(By.cssSelector("[data-field='conditions']")).getText())
                .as("what happens next, not empty rows").contains("an IX admin approves or rejects it");
        chromium.screenshot("02-submitted");

        cluster.awaitCached(name);
        cluster.patchStatus(name, jr -> {
            jr.getStatus().phase = Phase.Active;
            jr.getStatus().assignedIps = new AssignedIps("2001:db8:ff::fbf5:c01", "203.0.113.77");
            jr.getStatus().conditions.add(new Condition("Ready", "True", "Active", null));
        });
        chromium.waitUpTo(15).until(ExpectedConditions.textToBe(By.id("phase"), "Active"));
        chromium.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("bird")));
        assertThat(driver.findElement(By.id("addresses")).getText()).contains("2001:db8:ff::fbf5:c01");
        assertThat(driver.findElement(By.id("bird")).getText()).contains("neighbor 2001:db8:ff::1 as 64999;");
        chromium.screenshot("03-live-active");

        chromium.logout();
        driver.get(chromium.url("/requests"));
        assertThat(driver.getCurrentUrl()).isEqualTo(chromium.url("/login"));
    }

    @Test
    void hebrewPagesRenderRightToLeft() throws IOException {
        driver.get(chromium.url("/login"));
        driver.findElement(By.cssSelector("a[hreflang='he']")).click();
        chromium.waitUpTo(10).until(ExpectedConditions.attributeToBe(By.tagName("html"), "dir", "rtl"));
        assertThat(chromium.run("return getComputedStyle(document.body).direction")).isEqualTo("rtl");
        long brandX = ((Number) chromium.run(
                "return document.querySelector('.brand').getBoundingClientRect().left")).longValue();
        long languagesX = ((Number) chromium.run(
                "return document.querySelector('.languages').getBoundingClientRect().left")).longValue();
        assertThat(brandX).as("the brand sits on the right in RTL").isGreaterThan(languagesX);
        assertThat(driver.findElement(By.id("login-peeringdb")).getText()).isEqualTo("התחברות עם PeeringDB");
        chromium.screenshot("04-hebrew-rtl");
    }
}
