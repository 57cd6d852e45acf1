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

/**
 * A real headless Chromium reads the portal in Hebrew and Chinese, member and admin pages: in Hebrew every technical
 * token (address, node ID, ASN, timestamp, command, kubectl line) is painted left to right in an LTR isolate; in
 * Chinese a member reads only the portal's Chinese texts for the operator's reasons, drawn in a real CJK font, with
 * status words on one line, and an admin also reads the operator's message. Screenshots go to target/screenshots.
 */
@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class ChromiumLanguagesTest extends ChromiumPages {

    @Test
    void inHebrewEveryAddressNodeAsnTimestampAndCommandOnMemberAndAdminPagesReadsLeftToRight() throws IOException {
        Cluster cluster = new Cluster(client, api, cache);
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

        driver.get(chromium.url("/login"));
        driver.get(chromium.url("/lang/he"));
        driver.get(chromium.url("/login"));
        chromium.loginWithPeeringDb("full");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        chromium.assertPaintedLeftToRight("the list", "2001:db8:ff:0:6:4501:0:1", "203.0.113.45", "AS64501", "rtllan",
                "00000000e1", "rtl-rs1", "2026-12-01 10:15:02.123");
        chromium.screenshot("05-hebrew-list");

        driver.get(chromium.url("/requests/" + name));
        chromium.assertPaintedLeftToRight("the request", "2001:db8:ff:0:6:4501:0:1", "203.0.113.45", "AS64501", "00000000e1",
                "zerotier-cli join 8056c2e21c000001", "2001:db8:ff::1", "rtl-rs1", "2026-12-01 10:15:02.123",
                "ZeroTier 1.14.2", "AS64999");
        chromium.screenshot("06-hebrew-request");

        driver.get(chromium.url("/requests/new"));
        chromium.assertPaintedLeftToRight("the form", "zerotier-cli info", "200 info 8056c2e21c 1.14.2 ONLINE");
        chromium.logout();

        io.ztix.api.joinrequest.JoinRequest pending = Cluster.newRequest("rtllan", 64510, "00000000e2");
        pending.getSpec().requester = new io.ztix.api.joinrequest.Requester();
        pending.getSpec().requester.name = "Otto Other";
        pending.getSpec().requester.peeringdbUserId = 1005L;
        cluster.create(pending);
        io.ztix.api.joinrequest.JoinRequest rival = Cluster.newRequest("rtllan", 64511, "00000000e2");
        cluster.create(rival);
        chromium.loginWithPeeringDb("admin");
        driver.get(chromium.url("/admin/pending"));
        chromium.assertPaintedLeftToRight("the pending queue", "AS64510", "00000000e2", "PeeringDB 1005",
                "kubectl -n test patch joinrequest " + pending.getMetadata().getName());
        assertThat(driver.findElement(By.cssSelector("section[data-request='" + pending.getMetadata().getName()
                + "'] p.conflict")).getText()).contains(rival.getMetadata().getName());
        chromium.assertPaintedLeftToRight("the node-ID conflict flag", rival.getMetadata().getName());
        chromium.assertPaintedLeftToRight("the address preview", "2001:db8:ff:0:6:4510:0:1");
        chromium.screenshot("07-hebrew-pending");
        driver.get(chromium.url("/admin/requests"));
        chromium.assertPaintedLeftToRight("all requests", name, "2001:db8:ff:0:6:4501:0:1", "PeeringDB 1001");
        driver.get(chromium.url("/admin/audit"));
        chromium.assertPaintedLeftToRight("the audit log", "peeringdb:9001");
        chromium.screenshot("08-hebrew-audit");
    }

    @Test
    void inChineseAMemberReadsOnlyChineseStatusDrawnInARealCjkFontAndAnAdminAlsoTheOperatorsMessage() throws IOException {
        Cluster cluster = new Cluster(client, api, cache);
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

        driver.get(chromium.url("/login"));
        driver.get(chromium.url("/lang/zh-CN"));
        driver.get(chromium.url("/login"));
        chromium.loginWithPeeringDb("full");
        String list = driver.findElement(By.tagName("main")).getText();
        assertThat(list).contains("等待 IX 批准或拒绝该请求").contains("空闲")
                .doesNotContain("Waiting for an IX admin").doesNotContain("Not approved yet").doesNotContain("authorized");
        assertThat(list.split("等待 IX 批准或拒绝该请求", -1)).as("said once").hasSize(2);
        chromium.screenshot("09-chinese-list");

        driver.get(chromium.url("/requests/" + active.getMetadata().getName()));
        String detail = driver.findElement(By.tagName("main")).getText();
        assertThat(detail).contains("已批准").doesNotContain("Approved").doesNotContain("every route server");
        assertThat(detail.indexOf("一切就绪")).as("the summary after the steps it sums up")
                .isGreaterThan(detail.indexOf("IX 已批准该请求"));
        @SuppressWarnings("unchecked")
        java.util.List<String> glyphs = (java.util.List<String>) chromium.run(
                chromium.script("glyphs.js"), java.util.List.of("审", "批", "等", new String(Character.toChars(0x10FFFD))));
        assertThat(glyphs).as("Chinese characters drawn as themselves, not as the .notdef box").doesNotHaveDuplicates();
        assertThat(glyphs.get(0)).doesNotStartWith("0:");

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        driver.get(chromium.url("/requests"));
        for (org.openqa.selenium.WebElement phase : driver.findElements(By.cssSelector("td[data-phase]"))) {
            long lines = ((Number) chromium.run(
                    "var r = document.createRange(); r.selectNodeContents(arguments[0]);"
                            + "return new Set(Array.from(r.getClientRects()).map(function (x) { return Math.round(x.top); })).size;",
                    phase)).longValue();
            assertThat(lines).as("%s on one line", phase.getText()).isEqualTo(1);
        }
        chromium.screenshot("10-chinese-narrow");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        chromium.logout();

        chromium.loginWithPeeringDb("admin");
        driver.get(chromium.url("/admin/pending"));
        String queue = driver.findElement(By.tagName("main")).getText();
        assertThat(queue).as("admins read the operator's message").contains("Waiting for an IX admin to approve or reject");
        chromium.screenshot("11-chinese-pending");
    }
}
