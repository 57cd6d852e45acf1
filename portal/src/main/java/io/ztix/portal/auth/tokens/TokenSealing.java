package io.ztix.portal.auth.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The portal's {@link TokenSealer}, keyed from its configuration (checked at start by the web package's StartupChecks). */
@ApplicationScoped
public class TokenSealing {

    /** The secret of the current key: ZTIX_TOKEN_ENCRYPTION_KEY. */
    public static final String KEY = "ztix.token-encryption-key";
    /** Secrets of earlier keys, comma separated, that still open what they sealed: ZTIX_TOKEN_ENCRYPTION_PREVIOUS_KEYS. */
    public static final String PREVIOUS_KEYS = "ztix.token-encryption-previous-keys";

    @ConfigProperty(name = KEY)
    Optional<String> key;

    @ConfigProperty(name = PREVIOUS_KEYS)
    Optional<List<String>> previousKeys;

    @Produces
    @Singleton
    TokenSealer sealer() {
        return new TokenSealer(TokenKeys.of(key.orElse(null), previousKeys.orElse(List.of())));
    }
}
