package io.ztix.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import io.ztix.portal.i18n.ErrorMessages;
import io.ztix.portal.i18n.RequestLanguage;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Safe error pages: no stack traces or internals, a way back, and a redirect to login when needed. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /** Where quarkus-rest-csrf keeps this request's token (CsrfTokenParameterProvider reads it from there). */
    static final String CSRF_TOKEN = "csrf_token";

    @Inject
    Views views;

    @Inject
    RequestLanguage language;

    @Location("error.html")
    Template error;

    @Inject
    RoutingContext routing;

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.seeOther(URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, language.messages(ErrorMessages.class).error_forbidden());
    }

    @ServerExceptionMapper
    public Response refused(Refused e) {
        return page(403, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, language.messages(ErrorMessages.class).error_not_found());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return page(status, language.messages(ErrorMessages.class).error_generic());
        }
        if (status == 413) {
            return page(status, language.messages(ErrorMessages.class).error_form_too_large());
        }
        return page(status, language.messages(ErrorMessages.class).error_bad_request());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return page(500, language.messages(ErrorMessages.class).error_generic());
    }

    private Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(render(views, error, routing, message)).build();
    }

    /**
     * The error page with the portal's header (user name, navigation); the log-out button only once the CSRF
     * filter has given this request a token (an error raised before it ran has none, and the form needs one).
     */
    static String render(Views views, Template error, RoutingContext routing, String message) {
        TemplateInstance page = views.page(error).data("message", message);
        if (routing == null || routing.get(CSRF_TOKEN) == null) {
            page.data("noCsrfToken", true);
        }
        return page.render();
    }
}
