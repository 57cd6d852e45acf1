package io.ztix.portal.auth.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSealerTest {

    private static final String OLD = "an-older-token-encryption-key-0123456789abcdef";
    private static final String NEW = "the-current-token-encryption-key-0123456789ab";
    private static final String TOKENS = "{\"id\":\"eyJhbGciOiJSUzI1NiJ9.e30.sig\",\"access\":\"3b2c1d\"}";

    @Test
    void aSealedValueHoldsNoTokenTextAndNamesItsKey() throws Exception {
        TokenSealer sealer = new TokenSealer(TokenKeys.of(NEW, List.of()));

        String sealed = sealer.seal(TOKENS, "row-1");

        assertThat(sealed).matches(TokenSealer.SEALED).startsWith("v1:" + TokenKeys.of(NEW, List.of()).current().id() + ":")
                .doesNotContain("eyJ").doesNotContain("access").doesNotContain("3b2c1d");
        assertThat(sealer.open(sealed, "row-1")).isEqualTo(TOKENS);
    }

    @Test
    void everyValueGetsItsOwnNonce() {
        TokenSealer sealer = new TokenSealer(TokenKeys.of(NEW, List.of()));

        assertThat(sealer.seal(TOKENS, "row-1")).isNotEqualTo(sealer.seal(TOKENS, "row-1"));
    }

    @Test
    void anAlteredValueAValueOfAnotherRowAndAnUnknownKeyDoNotOpen() {
        TokenSealer sealer = new TokenSealer(TokenKeys.of(NEW, List.of()));
        String sealed = sealer.seal(TOKENS, "row-1");
        int at = sealed.length() - 10;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> sealer.open(altered, "row-1")).isInstanceOf(TokenSealer.Unopenable.class)
                .hasMessageContaining("altered");
        assertThatThrownBy(() -> sealer.open(sealed, "row-2")).isInstanceOf(TokenSealer.Unopenable.class);
        String otherKey = new TokenSealer(TokenKeys.of(OLD, List.of())).seal(TOKENS, "row-1");
        assertThatThrownBy(() -> sealer.open(otherKey, "row-1")).isInstanceOf(TokenSealer.Unopenable.class)
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> sealer.open(TOKENS, "row-1")).isInstanceOf(TokenSealer.Unopenable.class)
                .hasMessageContaining("not a sealed value");
        assertThatThrownBy(() -> sealer.open("v1:" + sealed.substring(3, 11) + ":AAAA", "row-1"))
                .isInstanceOf(TokenSealer.Unopenable.class).hasMessageContaining("too short");
    }

    @Test
    void afterARotationThePreviousKeyStillOpensWhatItSealedAndNewValuesUseTheCurrentKey() throws Exception {
        String sealedBefore = new TokenSealer(TokenKeys.of(OLD, List.of())).seal(TOKENS, "row-1");
        TokenKeys rotated = TokenKeys.of(NEW, List.of(OLD));
        TokenSealer sealer = new TokenSealer(rotated);

        assertThat(sealer.open(sealedBefore, "row-1")).isEqualTo(TOKENS);
        assertThat(sealer.seal(TOKENS, "row-1")).startsWith("v1:" + rotated.current().id() + ":");
        assertThat(rotated.current().id()).isNotEqualTo(TokenKeys.of(OLD, List.of()).current().id());
    }

    @Test
    void aMissingOrShortKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> TokenKeys.of(null, List.of())).hasMessageContaining("ZTIX_TOKEN_ENCRYPTION_KEY")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> TokenKeys.of("short-secret", List.of())).hasMessageContaining("shorter than 32")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> TokenKeys.of(NEW, List.of("old"))).hasMessageContaining("PREVIOUS_KEYS: key 1");
    }
}
