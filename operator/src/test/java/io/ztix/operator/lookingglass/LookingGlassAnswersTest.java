package io.ztix.operator.lookingglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The looking glass's pages: what a client may ask for (page, page_size) and what a page far past the end is. */
class LookingGlassAnswersTest {

    private static final Instant READ = Instant.parse("2026-12-01T12:00:00Z");

    private static RouteCache.Answer answer(int routes) {
        List<Route> list = new ArrayList<>();
        for (int i = 0; i < routes; i++) {
            list.add(new Route("45.128." + i + ".0/24", null, "m", null, true, 100, null, false, null, List.of()));
        }
        return new RouteCache.Answer(list, READ, READ.plusSeconds(60), false);
    }

    @Test
    void pageAndPageSizeOutsideTheirRangeOrNotNumbersAreBadRequests() {
        for (String[] bad : new String[][] {{"-1", null}, {null, "0"}, {null, "251"}, {"x", null}, {null, "1e3"},
                {"2147483648", null}, {null, "-5"}}) {
            assertThatThrownBy(() -> LookingGlassAnswers.Page.of(bad[0], bad[1], 100, 250))
                    .as("page=%s page_size=%s", bad[0], bad[1]).isInstanceOf(LookingGlass.BadRequest.class);
        }
        assertThat(LookingGlassAnswers.Page.of(null, "", 100, 250)).isEqualTo(new LookingGlassAnswers.Page(0, 100));
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndSaysHowManyPagesThereAre() {
        LookingGlassAnswers.Page far = LookingGlassAnswers.Page.of(String.valueOf(Integer.MAX_VALUE), "250", 100, 250);

        Map<String, Object> body = LookingGlassAnswers.routes(answer(26), far, Duration.ofSeconds(60));

        assertThat((List<?>) body.get("routes")).isEmpty();
        assertThat(pagination(body)).containsEntry("total_pages", 1).containsEntry("total_results", 26);
    }

    @Test
    void theLastPageHoldsTheRest() {
        Map<String, Object> body = LookingGlassAnswers.routes(answer(26), LookingGlassAnswers.Page.of("2", "10", 100, 250),
                Duration.ofSeconds(60));

        assertThat((List<?>) body.get("routes")).hasSize(6);
        assertThat(pagination(body)).containsEntry("page", 2).containsEntry("total_pages", 3);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pagination(Map<String, Object> body) {
        return (Map<String, Object>) body.get("pagination");
    }
}
