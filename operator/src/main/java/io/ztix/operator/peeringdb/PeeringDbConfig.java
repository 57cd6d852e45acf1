package io.ztix.operator.peeringdb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the operator reads PeeringDB's REST API ({@code ztix.peeringdb.*}) to re-check admitted members. */
@ConfigMapping(prefix = "ztix.peeringdb")
public interface PeeringDbConfig {

    /** The API's base URL; {@code /api/net} is appended. */
    @WithDefault("https://www.peeringdb.com")
    String url();

    /** Longest one API call may take (connect and answer) before it counts as failed. */
    @WithDefault("30s")
    Duration timeout();

    /** ASNs asked for in one {@code GET /api/net?asn__in=...} (PeeringDB allows 20 or 40 calls a minute). */
    @WithDefault("50")
    int batchSize();

    /** Largest answer read; a longer one is refused as garbage. */
    @WithDefault("8388608")
    int maxAnswerBytes();

    /**
     * The Secret holding an optional API key ({@code Authorization: Api-Key <key>}) as {@code namespace/name}; named
     * by the operator's configuration only (in the chart: operator.extraEnv ZTIX_PEERINGDB_API_KEY_SECRET), never by a
     * resource.
     */
    Optional<String> apiKeySecret();

    /** The key of that Secret. */
    @WithDefault("api-key")
    String apiKeySecretKey();
}
