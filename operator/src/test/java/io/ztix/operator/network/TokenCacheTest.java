package io.ztix.operator.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ztix.api.common.SecretKeyRef;
import io.ztix.operator.common.SecretPurpose;
import io.ztix.operator.common.SecretReader;
import io.ztix.operator.testsupport.MovableClock;
import io.ztix.operator.zerotier.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    /** A Secret whose value the test changes, counting reads (GETs) of it. */
    private static final class CountingSecret extends SecretReader {
        String value = "token-1";
        final AtomicInteger reads = new AtomicInteger();

        CountingSecret() {
            super(null, null);
        }

        @Override
        public String read(String namespace, SecretKeyRef ref, SecretPurpose purpose) {
            reads.incrementAndGet();
            if (value == null) {
                throw new SecretUnavailableException("Secret '" + ref.name + "' does not exist in namespace '" + namespace + "'");
            }
            return value;
        }
    }

    private final CountingSecret secret = new CountingSecret();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T14:00:00Z"));
    private final TokenCache cache = new TokenCache(secret, Duration.ofSeconds(30), clock);
    private final SecretKeyRef ref = new SecretKeyRef("zt-token", "token");

    @Test
    void aThousandRequestsWithinTheTtlReadTheSecretOnce() {
        TokenSource source = cache.source("ix", ref);
        for (int i = 0; i < 1000; i++) {
            assertThat(source.get()).isEqualTo("token-1");
        }
        assertThat(secret.reads).hasValue(1);
    }

    @Test
    void aRotatedSecretIsSeenAfterTheTtlWithoutARestart() {
        cache.read("ix", ref);
        secret.value = "token-2";
        clock.now = clock.now.plusSeconds(29);
        assertThat(cache.read("ix", ref)).isEqualTo("token-1");
        clock.now = clock.now.plusSeconds(2);
        assertThat(cache.read("ix", ref)).isEqualTo("token-2");
    }

    @Test
    void aRefusedTokenIsForgottenAtOnceButAnotherTokenIsNot() {
        TokenSource source = cache.source("ix", ref);
        source.get();
        secret.value = "token-2";

        source.refused("some-other-token");
        assertThat(source.get()).isEqualTo("token-1");
        source.refused("token-1");
        assertThat(source.get()).isEqualTo("token-2");
        assertThat(secret.reads).hasValue(2);
    }

    @Test
    void aMissingSecretIsNeverKeptSoEveryAttemptReportsIt() {
        secret.value = null;
        assertThrows(SecretReader.SecretUnavailableException.class, () -> cache.read("ix", ref));
        assertThrows(SecretReader.SecretUnavailableException.class, () -> cache.read("ix", ref));
        secret.value = "token-3";
        assertThat(cache.read("ix", ref)).isEqualTo("token-3");
        assertThat(secret.reads).hasValue(3);
    }

    @Test
    void secretsOfOtherNamespacesOrKeysAreKeptApart() {
        cache.read("ix", ref);
        secret.value = "token-other";
        assertThat(cache.read("other", ref)).isEqualTo("token-other");
        assertThat(cache.read("ix", new SecretKeyRef("zt-token", "other-key"))).isEqualTo("token-other");
        assertThat(cache.read("ix", ref)).isEqualTo("token-1");
    }
}
