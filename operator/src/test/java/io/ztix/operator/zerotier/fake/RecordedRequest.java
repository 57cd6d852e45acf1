package io.ztix.operator.zerotier.fake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request a fake controller received.
 *
 * @param headers header names in lower case
 * @param query   raw query string, or null
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The value of one query parameter (no decoding beyond what the tests need: plain tokens). */
    public Optional<String> queryParameter(String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?<query>");
    }
}
