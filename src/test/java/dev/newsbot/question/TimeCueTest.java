package dev.newsbot.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeCueTest {

    private static final LocalDate ASKED = LocalDate.of(2024, 1, 5);

    @Test
    void thisWeekIsTheSevenDaysBeforeTheQuestion() {
        TimeCue cue = TimeCue.of("Who won the darts final this week?", ASKED).orElseThrow();
        assertThat(cue.from()).isEqualTo(LocalDate.of(2023, 12, 29));
        assertThat(cue.to()).isEqualTo(ASKED);
        assertThat(cue.explicit()).isFalse();
        assertThat(cue.phrase()).isEqualTo("this week");
    }

    @Test
    void relativeCuesReachBackAsFarAsTheyMean() {
        assertThat(TimeCue.of("what happened yesterday", ASKED).orElseThrow().from()).isEqualTo(ASKED.minusDays(2));
        assertThat(TimeCue.of("Which team won on Sunday?", ASKED).orElseThrow().from()).isEqualTo(ASKED.minusDays(7));
        assertThat(TimeCue.of("Who resigned last week?", ASKED).orElseThrow().from()).isEqualTo(ASKED.minusDays(14));
        TimeCue recently = TimeCue.of("Which company recently recalled cars?", ASKED).orElseThrow();
        assertThat(recently.from()).isEqualTo(ASKED.minusDays(31));
        assertThat(recently.vague()).isTrue();
        assertThat(TimeCue.of("Who won this week?", ASKED).orElseThrow().vague()).isFalse();
        assertThat(TimeCue.of("What did the council decide last month?", ASKED).orElseThrow().from())
                .isEqualTo(ASKED.minusDays(62));
    }

    @Test
    void theWeekBeforeANamedDayIsExplicit() {
        TimeCue cue = TimeCue.of("Which automaker recalled 112,000 vehicles in the week before January 5, 2024?",
                LocalDate.of(2024, 3, 20)).orElseThrow();
        assertThat(cue.from()).isEqualTo(LocalDate.of(2023, 12, 29));
        assertThat(cue.to()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(cue.explicit()).isTrue();
        assertThat(cue.covers(LocalDate.of(2024, 1, 2))).isTrue();
        assertThat(cue.covers(LocalDate.of(2024, 1, 6))).isFalse();
    }

    @Test
    void aNamedMonthIsItsDaysUpToTheQuestion() {
        TimeCue cue = TimeCue.of("Who won the election held in March 2024?", LocalDate.of(2024, 6, 1)).orElseThrow();
        assertThat(cue.from()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(cue.to()).isEqualTo(LocalDate.of(2024, 3, 31));
        TimeCue noYear = TimeCue.of("What fell in December?", ASKED).orElseThrow();
        assertThat(noYear.from()).isEqualTo(LocalDate.of(2023, 12, 1));
    }

    @Test
    void wordsThatOnlyLookLikeMonthsOrTimesAreNoCue() {
        assertThat(TimeCue.of("Who may run for mayor in the march on Washington?", ASKED)).isEmpty();
        assertThat(TimeCue.of("How many people died in the Westgate mall attack?", ASKED)).isEmpty();
        assertThat(TimeCue.of("Which show was renewed for a new season?", ASKED)).isEmpty();
    }
}
