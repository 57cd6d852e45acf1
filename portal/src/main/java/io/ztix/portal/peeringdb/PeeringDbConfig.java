package io.ztix.portal.peeringdb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where and how to read the PeeringDB REST API. */
@ConfigMapping(prefix = "ztix.peeringdb")
public interface PeeringDbConfig {

    /** Base URL of the REST API, e.g. https://www.peeringdb.com/api */
    @WithDefault("https://www.peeringdb.com/api")
    String apiUrl();

    /** Optional API key, sent as {@code Authorization: Api-Key <key>}. */
    Optional<String> apiKey();

    /** How long network facts are reused (PeeringDB asks for no more than hourly refreshes). */
    @WithDefault("PT1H")
    Duration cacheTtl();

    /** Upper bound of calls per minute (PeeringDB: 20 anonymous, 40 with a key). */
    @WithDefault("20")
    int requestsPerMinute();

    @WithDefault("PT10S")
    Duration timeout();
}
