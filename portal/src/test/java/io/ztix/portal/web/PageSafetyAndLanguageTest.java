package io.ztix.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn;
import io.ztix.portal.testsupport.Browser;
import io.ztix.portal.testsupport.PortalTestResources;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubeApiStandIn(component = "portal")
@QuarkusTestResource(PortalTestResources.class)
class PageSafetyAndLanguageTest {

    @TestHTTPResource("/")
    URL base;

    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoFraming() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain("style=\"");
    }

    @Test
    void answersGivenOverHttpsCarryHstsAndPlainHttpOnesDoNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> viaTls = http.send(HttpRequest.newBuilder(URI.create(base + "login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
        assertThat(get("/login", null).headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
    }

    @Test
    void csrfCookieIsHttpOnly() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("csrf-token=") && c.toLowerCase().contains("httponly"));
    }

    @Test
    void brandingIsEscapedAndComesFromConfiguration() throws Exception {
        String body = get("/", null).body();
        assertThat(body).contains("Test &lt;IX&gt;").doesNotContain("Test <IX>")
                .contains("https://support.example.net/help");
    }

    @Test
    void acceptLanguageChoosesChineseOrHebrewAndHebrewIsRightToLeft() throws Exception {
        String chinese = get("/login", "zh-CN,zh;q=0.9,en;q=0.5").body();
        assertThat(chinese).contains("<html lang=\"zh-CN\" dir=\"ltr\">").contains("使用 PeeringDB 登录");
        String hebrew = get("/login", "he-IL,he;q=0.9").body();
        assertThat(hebrew).contains("<html lang=\"he\" dir=\"rtl\">").contains("התחברות עם PeeringDB");
        String fallback = get("/login", "fr-FR").body();
        assertThat(fallback).contains("<html lang=\"en-US\" dir=\"ltr\">").contains("Log in with PeeringDB");
    }

    @Test
    void theLanguageSwitcherRemembersTheChoiceAndReturnsToTheSamePage() throws Exception {
        try (Browser browser = new Browser(base)) {
            HtmlPage login = browser.page("/login");
            HtmlPage hebrew = login.getAnchorByHref("/lang/he").click();
            assertThat(hebrew.getUrl().getPath()).isEqualTo("/login");
            assertThat(hebrew.getDocumentElement().getAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.page("/").getDocumentElement().getAttribute("lang")).isEqualTo("he");
            HtmlPage english = browser.page("/login").getAnchorByHref("/lang/en-US").click();
            assertThat(english.getDocumentElement().getAttribute("dir")).isEqualTo("ltr");
        }
    }

    @Test
    void theLanguageSwitcherNeverRedirectsToAnotherSite() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base.toString().replaceAll("/$", "") + "/lang/zh-CN"))
                .header("Referer", "https://evil.example/phish").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("evil.example");
    }

    @Test
    void unknownPagesGetALocalizedErrorPageWithoutInternals() throws Exception {
        HttpResponse<String> missing = get("/requests/nothing-here", "en");
        assertThat(missing.statusCode()).isIn(303, 404);
        try (Browser browser = new Browser(base)) {
            browser.loginWithPeeringDb("full");
            HtmlPage page = browser.page("/requests/does-not-exist");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(page.getElementById("error-message").asNormalizedText()).contains("does not exist");
            assertThat(page.getWebResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void healthSaysReadyOnceTheResourceCacheIsSynced() throws Exception {
        assertThat(get("/q/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/q/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("ztix-resource-cache");
    }
}
