package io.ztix.operator.zerotier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP to a controller API, for tests that look at the wire format or set up odd state. */
final class RawApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shared by every RawApi, like the operator's one client (see ZeroTierControllerContract). */
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String headerName;
    private final String headerValue;

    RawApi(String baseUrl, String headerName, String headerValue) {
        this.baseUrl = baseUrl;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    static RawApi selfHosted(String baseUrl, String token) {
        return new RawApi(baseUrl, "X-ZT1-Auth", token);
    }

    static RawApi central(String baseUrl, String token) {
        return new RawApi(baseUrl, "Authorization", "token " + token);
    }

    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header(headerName, headerValue)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
