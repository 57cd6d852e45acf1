package io.ztix.portal.auth;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Double-submit CSRF check for the local login form, which Quarkus' form mechanism (not a REST endpoint)
 * receives: the hidden {@code csrf-token} field must equal the HttpOnly {@code csrf-token} cookie that
 * quarkus-rest-csrf set when the login page was rendered.
 */
public final class LoginFormCsrf {

    public static final String NAME = "csrf-token";

    private LoginFormCsrf() {
    }

    public static boolean valid(RoutingContext context) {
        if (context == null) {
            return false;
        }
        String field = context.request().getFormAttribute(NAME);
        Cookie cookie = context.request().getCookie(NAME);
        if (field == null || field.isEmpty() || cookie == null || cookie.getValue() == null) {
            return false;
        }
        return MessageDigest.isEqual(field.getBytes(StandardCharsets.UTF_8),
                cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }
}
