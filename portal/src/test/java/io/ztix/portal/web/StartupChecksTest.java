package io.ztix.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    private static final String SESSION = "s".repeat(40);
    private static final String STATE = "t".repeat(40);
    private static final String TOKENS = "k".repeat(40);

    private static StartupChecks.Settings production(String session, String state, String externalUrl,
            boolean forwarding, List<String> trusted) {
        return production(session, state, TOKENS, List.of(), externalUrl, forwarding, trusted);
    }

    private static StartupChecks.Settings production(String session, String state, String tokenKey,
            List<String> previousTokenKeys, String externalUrl, boolean forwarding, List<String> trusted) {
        return new StartupChecks.Settings(true, Map.of("ztix.session-secret", Optional.ofNullable(session),
                "ztix.oidc-state-secret", Optional.ofNullable(state), "ztix.token-encryption-key", Optional.ofNullable(tokenKey)),
                previousTokenKeys, Optional.of("the-oidc-client-secret"), Optional.ofNullable(externalUrl), forwarding, trusted);
    }

    @Test
    void aSafeProductionSetupStarts() {
        assertThat(StartupChecks.problems(production(SESSION, STATE, "https://portal.ix.example.net", true,
                List.of("10.0.0.0/8")))).isEmpty();
    }

    @Test
    void productionNeedsAnHttpsExternalUrl() {
        assertThat(StartupChecks.problems(production(SESSION, STATE, "http://portal.ix.example.net", false, List.of())))
                .singleElement().asString().contains("ZTIX_PORTAL_EXTERNAL_URL").contains("https://");
        assertThat(StartupChecks.problems(production(SESSION, STATE, null, false, List.of()))).hasSize(1);
        assertThat(StartupChecks.problems(production(SESSION, STATE, "https://", false, List.of()))).hasSize(1);
    }

    @Test
    void productionBelievesForwardedHeadersOnlyFromConfiguredProxies() {
        assertThat(StartupChecks.problems(production(SESSION, STATE, "https://portal.ix.example.net", true, List.of())))
                .singleElement().asString().contains("trusted-proxies");
    }

    @Test
    void aTrustedProxyThatIsNoAddressOrBlockStopsTheStartNotEveryLogin() {
        // Quarkus itself takes host names here, and the chart's schema lets a prefix like /33 through
        assertThat(StartupChecks.problems(production(SESSION, STATE, "https://portal.ix.example.net", true,
                List.of("10.0.0.0/8", "ingress.example.net")))).singleElement().asString()
                .contains("portal.trustedProxies").contains("ingress.example.net");
        assertThat(StartupChecks.problems(production(SESSION, STATE, "https://portal.ix.example.net", true,
                List.of("10.0.0.0/33")))).singleElement().asString().contains("prefix length");
    }

    @Test
    void everySecretIsSetLongEnoughAndUsedForOnePurposeOnly() {
        assertThat(StartupChecks.problems(production(null, STATE, "https://p.example.net", false, List.of())))
                .singleElement().asString().contains("ZTIX_SESSION_SECRET").contains("not set");
        assertThat(StartupChecks.problems(production("short", STATE, "https://p.example.net", false, List.of())))
                .singleElement().asString().contains("shorter than 32");
        assertThat(StartupChecks.problems(production(SESSION, SESSION, "https://p.example.net", false, List.of())))
                .singleElement().asString().contains("same as another secret");
        assertThat(StartupChecks.problems(production("the-oidc-client-secret-".repeat(2), "the-oidc-client-secret-".repeat(2),
                "https://p.example.net", false, List.of()))).isNotEmpty();
    }

    @Test
    void theTokenEncryptionKeyIsSetLongEnoughAndItsOwn() {
        String url = "https://p.example.net";
        assertThat(StartupChecks.problems(production(SESSION, STATE, null, List.of(), url, false, List.of())))
                .singleElement().asString().contains("ZTIX_TOKEN_ENCRYPTION_KEY").contains("not set");
        assertThat(StartupChecks.problems(production(SESSION, STATE, "k".repeat(31), List.of(), url, false, List.of())))
                .singleElement().asString().contains("ZTIX_TOKEN_ENCRYPTION_KEY").contains("shorter than 32");
        assertThat(StartupChecks.problems(production(SESSION, STATE, SESSION, List.of(), url, false, List.of())))
                .singleElement().asString().contains("same as another secret");
        assertThat(StartupChecks.problems(production(SESSION, STATE, TOKENS, List.of("p".repeat(40), "short"), url, false,
                List.of()))).singleElement().asString().contains("ZTIX_TOKEN_ENCRYPTION_PREVIOUS_KEYS: key 2 is shorter");
        assertThat(StartupChecks.problems(production(SESSION, STATE, TOKENS, List.of("p".repeat(40)), url, false, List.of())))
                .isEmpty();
    }

    @Test
    void outsideProductionTheSecretsAreStillChecked() {
        StartupChecks.Settings dev = new StartupChecks.Settings(false, Map.of("ztix.session-secret", Optional.of("x"),
                "ztix.oidc-state-secret", Optional.of(STATE), "ztix.token-encryption-key", Optional.of(TOKENS)), List.of(),
                Optional.empty(), Optional.empty(), true, List.of());
        assertThat(StartupChecks.problems(dev)).singleElement().asString().contains("ZTIX_SESSION_SECRET");
    }
}
