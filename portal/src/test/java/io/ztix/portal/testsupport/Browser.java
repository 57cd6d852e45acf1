package io.ztix.portal.testsupport;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomAttr;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;

/** An HtmlUnit browser (JavaScript off: the live-update script is covered by the Chromium test). */
public final class Browser implements AutoCloseable {

    private final WebClient client = new WebClient();
    private final String base;

    public Browser(URL base) {
        this.base = base.toString().replaceAll("/$", "");
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
    }

    public WebClient client() {
        return client;
    }

    /**
     * Sends every further request as if from {@code address}: the tests' loopback connection is a trusted proxy
     * (see application.properties), which vouches for the client with X-Forwarded-For.
     */
    public Browser fromAddress(String address) {
        client.addRequestHeader("X-Forwarded-For", address);
        return this;
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        return client.getCookieManager().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(org.htmlunit.http.Cookie::getValue).findFirst().orElse(null);
    }

    /** Gives this browser a copy of a cookie (as a thief who copied it from another browser would). */
    public Browser withCookie(String name, String value) {
        try {
            String host = new java.net.URL(base).getHost();
            client.getCookieManager().addCookie(new org.htmlunit.http.Cookie(host, name, value, "/", null, false, true));
        } catch (java.net.MalformedURLException e) {
            throw new AssertionError(e);
        }
        return this;
    }

    public String url(String path) {
        return base + path;
    }

    public HtmlPage page(String path) {
        Page page = get(path);
        if (page instanceof HtmlPage html) {
            return html;
        }
        throw new AssertionError("expected HTML at " + path + " but got " + page.getWebResponse().getContentType()
                + " " + page.getWebResponse().getStatusCode() + ": " + page.getWebResponse().getContentAsString());
    }

    public Page get(String path) {
        try {
            return client.getPage(path.startsWith("http") ? path : url(path));
        } catch (IOException | FailingHttpStatusCodeException e) {
            throw new AssertionError("could not load " + path, e);
        }
    }

    /** Logs in through the PeeringDB stand-in as one of its fixture users; returns the page landed on. */
    public HtmlPage loginWithPeeringDb(String user) {
        Page landed = attemptPeeringDbLogin(user);
        if (landed instanceof HtmlPage html) {
            return html;
        }
        throw new AssertionError("login as " + user + " ended with " + landed.getWebResponse().getStatusCode());
    }

    /** Like {@link #loginWithPeeringDb} but returns whatever the portal answered at the end (e.g. a 401). */
    public Page attemptPeeringDbLogin(String user) {
        HtmlPage authorize = page("/auth/peeringdb");
        if (!authorize.getUrl().getPath().startsWith("/oauth2/authorize")) {
            throw new AssertionError("expected the provider's login page, got " + authorize.getUrl());
        }
        HtmlForm form = authorize.getForms().get(0);
        form.getInputByName("user").setValue(user);
        try {
            return authorize.getHtmlElementById("authorize").click();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Posts a form with exactly these fields (no CSRF token unless the caller adds one). */
    public Page post(String path, List<NameValuePair> fields) {
        try {
            WebRequest request = new WebRequest(new URL(url(path)), HttpMethod.POST);
            request.setRequestParameters(fields);
            return client.getPage(request);
        } catch (IOException | FailingHttpStatusCodeException e) {
            throw new AssertionError("could not post to " + path, e);
        }
    }

    /** The CSRF token a rendered page carries in its forms. */
    public static String csrfToken(HtmlPage page) {
        if (page.getFirstByXPath("//input[@name='csrf-token']/@value") instanceof DomAttr value) {
            return value.getValue();
        }
        throw new AssertionError("no CSRF token on " + page.getUrl());
    }

    public HtmlPage loginLocal(String username, String password) {
        HtmlPage login = page("/login");
        HtmlForm form = login.getHtmlElementById("local-login");
        form.getInputByName("j_username").setValue(username);
        form.getInputByName("j_password").setValue(password);
        return click(login, "local-login-submit");
    }

    public HtmlPage logout(HtmlPage current) {
        return click(current, "logout");
    }

    public static HtmlPage click(HtmlPage page, String id) {
        try {
            Page next = page.getHtmlElementById(id).click();
            if (next instanceof HtmlPage html) {
                return html;
            }
            throw new AssertionError("expected HTML after clicking " + id + " but got "
                    + next.getWebResponse().getStatusCode() + " " + next.getWebResponse().getContentAsString());
        } catch (IOException e) {
            throw new AssertionError("could not click " + id, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
