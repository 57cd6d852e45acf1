package io.ztix.operator.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "not restarted" check tolerates BIRD's clock conversion and nothing more. */
class SameSinceTest {

    @Test
    void aMillisecondBackOrForthIsTheSameSession() {
        assertThatCode(() -> SameSince.assertNotRestarted("15:07:59.580", "15:07:59.579", "s")).doesNotThrowAnyException();
        assertThatCode(() -> SameSince.assertSessionsNotRestarted(Map.of("a", "up 16:41:15.550"),
                Map.of("a", "up 16:41:15.549"), "s")).doesNotThrowAnyException();
    }

    @Test
    void aRestartASessionGoneOrAnotherStateIsRefused() {
        assertThatThrownBy(() -> SameSince.assertNotRestarted("15:07:59.580", "15:08:00.580", "s"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SameSince.assertSessionsNotRestarted(Map.of("a", "up 16:41:15.550"),
                Map.of("a", "up 16:41:16.550"), "s")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SameSince.assertSessionsNotRestarted(Map.of("a", "up 16:41:15.550"),
                Map.of("a", "start 16:41:15.550"), "s")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SameSince.assertSessionsNotRestarted(Map.of("a", "up 16:41:15.550", "b", "up 16:41:15.550"),
                Map.of("a", "up 16:41:15.550"), "s")).isInstanceOf(AssertionError.class);
    }
}
