package io.ztix.operator.peeringdb;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ztix.operator.common.RetryAfter;
import io.ztix.operator.common.SecretReader.SecretUnavailableException;
import io.ztix.operator.peeringdb.PeeringDbException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One {@code GET /api/net?asn__in=...} call to PeeringDB's REST API, with its own timeout, the optional
 * {@code Authorization: Api-Key} header (read from the supplier on every call, so a rotated key is used at once, and
 * never logged) and every failure classified: down, slow, 401/403, 429 (with its {@code Retry-After}), 5xx, garbage.
 */
public final class PeeringDbClient {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final int maxAnswerBytes;
    private final Supplier<Optional<String>> apiKey;
    private final Clock clock;

    /** The client the operator's configuration describes. */
    public static PeeringDbClient from(PeeringDbConfig config, KubernetesClient kubernetes, Clock clock) {
        return new PeeringDbClient(config.url(), config.timeout(), config.maxAnswerBytes(),
                ApiKeySecret.of(kubernetes, config), clock);
    }

    public PeeringDbClient(String baseUrl, Duration timeout, int maxAnswerBytes, Supplier<Optional<String>> apiKey, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /** The networks PeeringDB has for {@code asns}; an ASN missing from a successful answer has no network there. */
    public Map<Long, PeeringDbNet> nets(Collection<Long> asns) throws PeeringDbException {
        Set<Long> asked = new TreeSet<>(asns);
        if (asked.isEmpty()) {
            return Map.of();
        }
        String list = asked.stream().map(String::valueOf).collect(Collectors.joining(","));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/net?asn__in=" + list))
                .timeout(timeout).header("Accept", "application/json").GET();
        try {
            apiKey.get().ifPresent(key -> request.header("Authorization", "Api-Key " + key));
        } catch (SecretUnavailableException e) {
            throw new PeeringDbException(Kind.UNAUTHORIZED, e.getMessage());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new PeeringDbException(Kind.TIMEOUT, "PeeringDB at " + baseUrl + " did not answer within " + timeout);
        } catch (IOException e) {
            throw new PeeringDbException(Kind.UNREACHABLE, "PeeringDB at " + baseUrl + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeeringDbException(Kind.UNREACHABLE, "interrupted while asking PeeringDB");
        }
        String body = read(response);
        int code = response.statusCode();
        if (code == 200) {
            return NetAnswer.parse(body, asked);
        }
        throw failure(code, response);
    }

    private PeeringDbException failure(int code, HttpResponse<?> response) {
        String said = "PeeringDB at " + baseUrl + " answered HTTP " + code;
        if (code == 401 || code == 403) {
            return new PeeringDbException(Kind.UNAUTHORIZED, said + ": the API key was refused");
        }
        if (code == 429) {
            Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
            return new PeeringDbException(Kind.RATE_LIMITED, said + " (too many requests)"
                    + wait.map(w -> ", retry after " + w.toSeconds() + " s").orElse(""), wait.orElse(null));
        }
        return new PeeringDbException(code >= 500 ? Kind.SERVER_ERROR : Kind.GARBAGE, said);
    }

    private String read(HttpResponse<InputStream> response) throws PeeringDbException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(maxAnswerBytes + 1);
            if (bytes.length > maxAnswerBytes) {
                throw new PeeringDbException(Kind.GARBAGE, "PeeringDB's answer is longer than " + maxAnswerBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (HttpTimeoutException e) {
            throw new PeeringDbException(Kind.TIMEOUT, "PeeringDB at " + baseUrl + " did not finish its answer within " + timeout);
        } catch (IOException e) {
            throw new PeeringDbException(Kind.UNREACHABLE, "reading PeeringDB's answer failed: " + e);
        }
    }
}
