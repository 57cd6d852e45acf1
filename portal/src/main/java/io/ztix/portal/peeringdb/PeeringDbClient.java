package io.ztix.portal.peeringdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads network facts from the PeeringDB REST API ({@code GET /net?asn=}), caching each answer for
 * {@code cache-ttl}, staying under {@code requests-per-minute}, and honouring 429 Retry-After. When PeeringDB
 * cannot be asked, a stale cached answer is used if there is one.
 */
@ApplicationScoped
public class PeeringDbClient {

    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final Deque<Instant> calls = new ArrayDeque<>();
    private volatile Instant backOffUntil = Instant.EPOCH;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Inject
    PeeringDbConfig config;

    @Inject
    ObjectMapper mapper;

    /** The facts of {@code asn}, or empty when PeeringDB has no network with that ASN. */
    public Optional<NetworkFacts> network(long asn) {
        Instant now = clock.instant();
        Cached cached = cache.get(asn);
        if (cached != null && cached.fetchedAt.plus(config.cacheTtl()).isAfter(now)) {
            return cached.facts;
        }
        try {
            Optional<NetworkFacts> facts = fetch(asn, now);
            cache.put(asn, new Cached(facts, now));
            return facts;
        } catch (PeeringDbUnavailable e) {
            if (cached != null) {
                return cached.facts;
            }
            throw e;
        }
    }

    private Optional<NetworkFacts> fetch(long asn, Instant now) {
        acquire(now);
        String base = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
                : config.apiUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/net?asn=" + asn))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "zt-ix-portal");
        config.apiKey().filter(k -> !k.isBlank()).ifPresent(k -> request.header("Authorization", "Api-Key " + k));
        HttpResponse<String> response;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PeeringDbUnavailable("PeeringDB did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeeringDbUnavailable("interrupted while asking PeeringDB", e);
        }
        if (response.statusCode() == 429) {
            long seconds = response.headers().firstValue("Retry-After").map(PeeringDbClient::seconds).orElse(60L);
            backOffUntil = clock.instant().plusSeconds(seconds);
            throw new PeeringDbUnavailable("PeeringDB rate limit reached; retry in " + seconds + " s");
        }
        if (response.statusCode() / 100 != 2) {
            throw new PeeringDbUnavailable("PeeringDB answered HTTP " + response.statusCode());
        }
        return parse(asn, response.body());
    }

    Optional<NetworkFacts> parse(long asn, String body) {
        try {
            JsonNode data = mapper.readTree(body).path("data");
            for (JsonNode net : data) {
                if (net.path("asn").asLong() == asn) {
                    return Optional.of(new NetworkFacts(asn, text(net, "name"), text(net, "irr_as_set"),
                            number(net, "info_prefixes4"), number(net, "info_prefixes6"),
                            net.path("info_never_via_route_servers").asBoolean(false), text(net, "policy_general")));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new PeeringDbUnavailable("PeeringDB sent something that is not JSON", e);
        }
    }

    private synchronized void acquire(Instant now) {
        if (now.isBefore(backOffUntil)) {
            throw new PeeringDbUnavailable("PeeringDB asked us to wait until " + backOffUntil);
        }
        while (!calls.isEmpty() && calls.peekFirst().isBefore(now.minusSeconds(60))) {
            calls.pollFirst();
        }
        if (calls.size() >= config.requestsPerMinute()) {
            throw new PeeringDbUnavailable("PeeringDB call budget of " + config.requestsPerMinute()
                    + " per minute is used up; try again in a minute");
        }
        calls.addLast(now);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToLong() || value.asLong() <= 0 ? null : value.asLong();
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Math.min(3600, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private record Cached(Optional<NetworkFacts> facts, Instant fetchedAt) {
    }
}
