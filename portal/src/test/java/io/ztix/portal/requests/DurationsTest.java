package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import io.ztix.portal.i18n.StatusMessages;
import java.time.Duration;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a session has been in its state, in words, in every language. */
@QuarkusTest
@io.ztix.testing.kubeapi.quarkus.WithKubeApiStandIn(component = "portal")
@io.quarkus.test.common.QuarkusTestResource(io.ztix.portal.testsupport.PortalTestResources.class)
class DurationsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Inject
    StatusMessages en;

    @Inject
    @Localized("he")
    StatusMessages he;

    @Inject
    @Localized("zh-CN")
    StatusMessages zh;

    @Test
    void theLargestWholeUnitIsNamedWithItsPlural() {
        assertThat(Durations.words(Duration.ofSeconds(59), en)).isEqualTo("less than a minute");
        assertThat(Durations.words(Duration.ofMinutes(1), en)).isEqualTo("1 minute");
        assertThat(Durations.words(Duration.ofMinutes(59), en)).isEqualTo("59 minutes");
        assertThat(Durations.words(Duration.ofHours(1).plusMinutes(59), en)).isEqualTo("1 hour");
        assertThat(Durations.words(Duration.ofHours(23), en)).isEqualTo("23 hours");
        assertThat(Durations.words(Duration.ofDays(1), en)).isEqualTo("1 day");
        assertThat(Durations.words(Duration.ofDays(3).plusHours(23), en)).isEqualTo("3 days");
    }

    @Test
    void hebrewAndChineseSayItInTheirOwnWords() {
        assertThat(Durations.since(NOW.minus(Duration.ofDays(3)).toString(), NOW, he)).hasValue(", מזה 3 ימים");
        assertThat(Durations.since(NOW.minus(Duration.ofDays(1)).toString(), NOW, he)).hasValue(", מזה יום אחד");
        assertThat(Durations.since(NOW.minus(Duration.ofHours(5)).toString(), NOW, zh)).hasValue(", 已持续 5 小时");
    }

    @Test
    void noTimeOrAnUnreadableOneSaysNothingAndAClockAheadCountsAsNow() {
        assertThat(Durations.since(null, NOW, en)).isEmpty();
        assertThat(Durations.since("08:54:06.799", NOW, en)).isEmpty();
        assertThat(Durations.since(NOW.plusSeconds(30).toString(), NOW, en)).hasValue(", for less than a minute");
    }
}
