package io.ztix.portal.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HSTS on every answer the browser received over https (directly, or through a trusted TLS-terminating proxy
 * that said so in X-Forwarded-Proto): browsers then never try the portal over plain http again. Over plain http
 * the header would mean nothing, so it is not sent.
 */
@ApplicationScoped
public class StrictTransportSecurity {

    static final String VALUE = "max-age=31536000; includeSubDomains";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if ("https".equalsIgnoreCase(context.request().scheme())) {
                context.response().putHeader("Strict-Transport-Security", VALUE);
            }
            context.next();
        }, 100);
    }
}
