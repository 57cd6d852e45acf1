package io.ztix.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.RoutingContext;
import io.ztix.portal.i18n.ErrorMessages;
import io.ztix.portal.i18n.RequestLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form the portal refuses before any resource method runs gets a page that says why, in the user's language:
 * quarkus-rest-csrf answers a post without a valid token (the cookie expired after two hours, was blocked, or a
 * page was kept open across a restart) with an empty 400; it becomes the error page with what to do next. (An
 * oversized form arrives as a 413 WebApplicationException, which {@link ErrorPages} explains.)
 */
public class FormRefusals {

    @Inject
    Views views;

    @Inject
    RequestLanguage language;

    @Inject
    RoutingContext routing;

    @Location("error.html")
    Template error;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.hasEntity() || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return;
        }
        if (response.getStatus() == 400) {
            String expired = language.messages(ErrorMessages.class).error_form_expired();
            response.setEntity(ErrorPages.render(views, error, routing, expired), new Annotation[0], MediaType.TEXT_HTML_TYPE);
        }
    }
}
