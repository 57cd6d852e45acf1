package io.ztix.operator.zerotier;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztix.operator.common.RetryAfter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Classifies a non-2xx controller answer into a {@link ZeroTierException}. */
final class HttpErrors {

    private final boolean forbiddenIsBadToken;
    private final Clock clock;

    HttpErrors(boolean forbiddenIsBadToken, Clock clock) {
        this.forbiddenIsBadToken = forbiddenIsBadToken;
        this.clock = clock;
    }

    ZeroTierException forAnswer(String call, HttpResponse<String> response, String token) {
        int status = response.statusCode();
        String detail = detail(response.body(), token);
        String said = detail.isEmpty() ? "" : ": " + detail;
        if (status == 401 || (status == 403 && forbiddenIsBadToken)) {
            return error(ZeroTierException.Kind.BAD_TOKEN, call + ": the API token was refused (" + status
                    + "); check the token Secret" + said, status, null);
        }
        if (status == 404) {
            return error(ZeroTierException.Kind.NOT_FOUND, call + ": not found (404)", status, null);
        }
        if (status == 429) {
            Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
            return error(ZeroTierException.Kind.TRANSIENT, call + ": rate limited (429)"
                    + wait.map(d -> ", retry after " + d.toSeconds() + "s").orElse("") + said, status, wait.orElse(null));
        }
        if (status == 503) {
            return error(ZeroTierException.Kind.TRANSIENT, call + ": unavailable (503; a self-hosted controller "
                    + "answers this while its database is not ready)" + said, status, null);
        }
        if (status == 500 && detail.startsWith("[json.exception")) {
            return error(ZeroTierException.Kind.PERMANENT, call + ": the controller rejected the request body (500)"
                    + said, status, null);
        }
        if (status >= 500) {
            return error(ZeroTierException.Kind.TRANSIENT, call + ": server error (" + status + ")" + said, status, null);
        }
        return error(ZeroTierException.Kind.PERMANENT, call + ": refused with HTTP " + status + said, status, null);
    }

    private static ZeroTierException error(ZeroTierException.Kind kind, String message, int status, Duration wait) {
        return new ZeroTierException(kind, message, status, wait, null);
    }

    /** The controller's own explanation: "description" (self-hosted), "message" (Central), else the body. */
    private static String detail(String body, String token) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = ControllerHttp.JSON.readTree(body);
            for (String field : new String[] {"description", "message"}) {
                if (json.path(field).isTextual()) {
                    return Redaction.snippet(json.get(field).asText(), token);
                }
            }
            if (json.isObject() && json.isEmpty()) {
                return "";
            }
        } catch (java.io.IOException e) {
            // not JSON: show the text itself
        }
        return Redaction.snippet(body, token);
    }
}
