package io.ztix.operator.bird;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendered include file with what the operator needs to reason about it without parsing it back.
 *
 * @param text           the include file
 * @param sha256         {@link BirdConfigRenderer#sha256(String)} of {@code text}: the configuration's identity
 * @param sharedSha256   hash of the part every session depends on (router id, defines, RPKI, shared filters)
 * @param sessionSha256  per BIRD protocol name of a member session: hash of its block (filters and protocol)
 * @param rtrProtocols   per {@code protocol rpki} name ({@code ztix_rpki_<n>}): the RTR server it talks to
 */
public record RenderedConfig(String text, String sha256, String sharedSha256, Map<String, String> sessionSha256,
        Map<String, RtrEndpoint> rtrProtocols) {

    public RenderedConfig {
        sessionSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sessionSha256));
        rtrProtocols = Collections.unmodifiableMap(new LinkedHashMap<>(rtrProtocols));
    }
}
