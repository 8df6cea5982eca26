package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportOrderTest {

    private static final Set<String> OUTLETS = Set.of("Engadget", "The Verge", "Sporting News", "The Age");
    private static final Optional<LocalDate> MAY_1 = Optional.of(LocalDate.of(2023, 5, 1));
    private static final Optional<LocalDate> MAY_9 = Optional.of(LocalDate.of(2023, 5, 9));

    @Test
    void should_read_two_reports_and_their_asked_order() {
        ReportOrder order = ReportOrder.of("Did Engadget report a discount on the MacBook Air before The Verge "
                + "reported a discount on Galaxy Buds?", OUTLETS).orElseThrow();

        assertThat(order.first()).isEqualTo("Engadget report a discount on the MacBook Air");
        assertThat(order.second()).isEqualTo("The Verge reported a discount on Galaxy Buds?");
        assertThat(order.before()).isTrue();
        assertThat(ReportOrder.of("Was the singer's tour discussed in Engadget after a concert was reported by "
                + "The Age?", OUTLETS)).map(ReportOrder::before).contains(false);
    }

    @Test
    void should_not_read_an_order_from_events_or_negated_reports() {
        assertThat(ReportOrder.of("Does Sporting News say the Vikings improved after a 1-4 start, while The Age "
                + "disagrees?", OUTLETS)).isEmpty();
        assertThat(ReportOrder.of("Did Sporting News mention the injury after an injury similar to how "
                + "'Sporting News' reports it?", OUTLETS)).isEmpty();
        assertThat(ReportOrder.of("Did Sporting News fail to report the match before The Verge reported the "
                + "launch?", OUTLETS)).isEmpty();
        assertThat(ReportOrder.of("Did the launch happen before the storm?", OUTLETS)).isEmpty();
    }

    @Test
    void should_answer_from_the_dates_and_decline_a_tie_or_a_missing_date() {
        ReportOrder before = new ReportOrder("a", "b", true);
        ReportOrder after = new ReportOrder("a", "b", false);

        assertThat(before.answer(MAY_1, MAY_9)).contains("Yes.");
        assertThat(before.answer(MAY_9, MAY_1)).contains("No.");
        assertThat(after.answer(MAY_9, MAY_1)).contains("Yes.");
        assertThat(before.answer(MAY_1, MAY_1)).isEmpty();
        assertThat(before.answer(Optional.empty(), MAY_1)).isEmpty();
    }
}
