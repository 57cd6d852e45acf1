package io.ztix.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void anAddressGetsItsAttemptsPerMinuteAndThenWaits() {
        AtomicLong now = new AtomicLong(1_000_000);
        LoginThrottle throttle = new LoginThrottle(5, 100, now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAcquire("198.51.100.7")).isTrue();
        }
        assertThat(throttle.tryAcquire("198.51.100.7")).isFalse();
        assertThat(throttle.tryAcquire("198.51.100.8")).as("another address").isTrue();
        now.addAndGet(12_000);
        assertThat(throttle.tryAcquire("198.51.100.7")).as("one attempt back after a fifth of a minute").isTrue();
        assertThat(throttle.tryAcquire("198.51.100.7")).isFalse();
    }

    @Test
    void theNumberOfRememberedAddressesHasAHardBoundEvenWhenAllAreBusy() {
        LoginThrottle throttle = new LoginThrottle(20, 1000, () -> 5_000_000L);
        for (int i = 0; i < 50_000; i++) {
            throttle.tryAcquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.trackedAddresses()).isEqualTo(1000);
    }

    @Test
    void theLeastRecentlySeenAddressIsForgottenFirst() {
        LoginThrottle throttle = new LoginThrottle(1, 2, () -> 0L);
        assertThat(throttle.tryAcquire("a")).isTrue();
        assertThat(throttle.tryAcquire("b")).isTrue();
        assertThat(throttle.tryAcquire("a")).as("a is over its limit, and now the most recent").isFalse();
        throttle.tryAcquire("c");
        assertThat(throttle.tryAcquire("a")).as("still remembered: b was forgotten").isFalse();
        assertThat(throttle.tryAcquire("b")).as("forgotten, so it starts afresh").isTrue();
    }

    @Test
    void anIpv6ClientCountsByItsSlash64SoANewAddressPerAttemptDoesNotEscapeTheLimit() {
        LoginThrottle throttle = new LoginThrottle(3, 100, () -> 0L);
        for (int i = 1; i <= 3; i++) {
            assertThat(throttle.tryAcquire("2001:db8:1:2::" + Integer.toHexString(i))).isTrue();
        }
        assertThat(throttle.tryAcquire("2001:db8:1:2:dead:beef:0:9")).as("same /64").isFalse();
        assertThat(throttle.tryAcquire("2001:0db8:0001:0002:0000:0000:0000:0042")).as("same /64, written out").isFalse();
        assertThat(throttle.tryAcquire("2001:db8:1:3::1")).as("another /64").isTrue();
        assertThat(throttle.tryAcquire("::ffff:198.51.100.7")).as("an IPv4-mapped address is its IPv4 address").isTrue();
        assertThat(LoginThrottle.bucketOf("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(LoginThrottle.bucketOf("unknown")).isEqualTo("unknown");
        assertThat(LoginThrottle.bucketOf(".::1")).as("no literal: stays text, never resolved").isEqualTo(".::1");
    }
}
