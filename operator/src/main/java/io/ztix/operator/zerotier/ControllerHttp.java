package io.ztix.operator.zerotier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * JSON over HTTP to one controller API: adds the token header on every request (read from the supplier
 * each time, so a rotated Secret is used at once), applies the timeouts and turns every failure into a
 * {@link ZeroTierException} whose message names the call but never the token.
 */
final class ControllerHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** How the token travels: header name and the text before the token. */
    record AuthHeader(String name, String valuePrefix) {
    }

    private final HttpClient client;
    private final String baseUrl;
    private final String apiName;
    private final AuthHeader auth;
    private final TokenSource tokens;
    private final Duration requestTimeout;
    private final HttpErrors errors;
    private final ControllerGate gate;

    ControllerHttp(HttpClient client, ControllerGate gate, String baseUrl, String apiName, AuthHeader auth,
                   Supplier<String> tokenSupplier, Duration requestTimeout, boolean forbiddenIsBadToken, Clock clock) {
        this.client = client;
        this.gate = gate;
        this.baseUrl = checkedBaseUrl(baseUrl);
        this.apiName = apiName;
        this.auth = auth;
        this.tokens = TokenSource.of(tokenSupplier);
        this.requestTimeout = requestTimeout;
        this.errors = new HttpErrors(forbiddenIsBadToken, clock);
    }

    /** "ZeroTier Central at https://api.zerotier.com/api/v1": for messages and toString. */
    String describe() {
        return apiName + " at " + baseUrl;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** The object, or empty on 404. */
    Optional<JsonNode> getIfPresent(String path) {
        try {
            return Optional.of(get(path));
        } catch (ZeroTierException e) {
            if (e.kind() == ZeroTierException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    /** Deletes; a 404 (already gone) is fine. */
    void deleteIfPresent(String path) {
        try {
            send("DELETE", path, null);
        } catch (ZeroTierException e) {
            if (e.kind() != ZeroTierException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    private JsonNode send(String method, String path, JsonNode body) {
        String call = method + " " + path + " on " + describe();
        gate.enter(call, requestTimeout);
        try {
            String token = currentToken();
            try {
                return sendOnce(call, method, path, body, token);
            } catch (ZeroTierException e) {
                if (e.kind() != ZeroTierException.Kind.BAD_TOKEN || e.httpStatus().isEmpty()) {
                    throw e;
                }
                // a cached token may be stale: read the Secret again and try once more if it changed
                tokens.refused(token);
                String fresh = currentToken();
                if (fresh.equals(token)) {
                    throw e;
                }
                return sendOnce(call, method, path, body, fresh);
            }
        } finally {
            gate.leave();
        }
    }

    private JsonNode sendOnce(String call, String method, String path, JsonNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header(auth.name(), auth.valuePrefix() + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": no answer in time ("
                    + Redaction.of(e.getMessage(), token) + ")", 0, null, null);
        } catch (ConnectException e) {
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": unreachable (connection refused "
                    + "or no route)", 0, null, null);
        } catch (IOException e) {
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": connection failed ("
                    + e.getClass().getSimpleName() + ": " + Redaction.of(e.getMessage(), token) + ")", 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZeroTierException(ZeroTierException.Kind.TRANSIENT, call + ": interrupted", 0, null, null);
        }
        if (response.statusCode() / 100 != 2) {
            ZeroTierException error = errors.forAnswer(call, response, token);
            if (response.statusCode() == 429) {
                error.retryAfter().ifPresent(gate::backOff);
            }
            throw error;
        }
        return parse(call, response.body(), token);
    }

    private static JsonNode parse(String call, String body, String token) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ZeroTierException(ZeroTierException.Kind.PERMANENT, call + ": the answer is not JSON: "
                    + Redaction.snippet(body, token));
        }
    }

    private String currentToken() {
        String token;
        try {
            token = tokens.get();
        } catch (RuntimeException e) {
            throw new ZeroTierException(ZeroTierException.Kind.BAD_TOKEN, "cannot read the API token for " + describe()
                    + ": " + e.getMessage(), 0, null, null);
        }
        token = token == null ? "" : token.strip();
        if (token.isEmpty()) {
            throw new ZeroTierException(ZeroTierException.Kind.BAD_TOKEN, "the API token for " + describe() + " is empty");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ZeroTierException(ZeroTierException.Kind.BAD_TOKEN, "the API token for " + describe()
                    + " contains characters an HTTP header cannot carry (spaces, control or non-ASCII characters)");
        }
        return token;
    }

    private static String checkedBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("ZeroTier API URL '" + baseUrl + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("ZeroTier API URL must be http(s)://host[:port][/path], got a "
                    + uri.getScheme() + " URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("ZeroTier API URL for " + uri.getHost() + " must not carry credentials, "
                    + "a query or a fragment: the token comes from the Secret");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
