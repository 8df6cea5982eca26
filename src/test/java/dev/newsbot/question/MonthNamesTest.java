package dev.newsbot.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Month;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MonthNamesTest {

    @Test
    void should_read_full_and_shortened_names() {
        assertThat(MonthNames.parse("January")).isEqualTo(Month.JANUARY);
        assertThat(MonthNames.parse("Sept.")).isEqualTo(Month.SEPTEMBER);
        assertThat(MonthNames.parse("dec")).isEqualTo(Month.DECEMBER);
        assertThatThrownBy(() -> MonthNames.parse("Smarch")).hasMessage("not a month name: Smarch");
    }

    @Test
    void should_match_written_months_but_not_the_verb_may() {
        Pattern written = Pattern.compile("^" + MonthNames.WRITTEN + "$", Pattern.CASE_INSENSITIVE);
        assertThat(written.matcher("Oct.").matches()).isTrue();
        assertThat(written.matcher("sept").matches()).isTrue();
        assertThat(written.matcher("june").matches()).isTrue();
        assertThat(written.matcher("Jun").matches()).isTrue();
        assertThat(written.matcher("May").matches()).isTrue();
        assertThat(written.matcher("may").matches()).isFalse();
        assertThat(written.matcher("Octo").matches()).isFalse();
    }

    @Test
    void should_match_only_capitalised_months_when_case_matters() {
        Pattern capitalised = Pattern.compile("^" + MonthNames.CAPITALISED + "$");
        assertThat(capitalised.matcher("March").matches()).isTrue();
        assertThat(capitalised.matcher("Sept.").matches()).isTrue();
        assertThat(capitalised.matcher("march").matches()).isFalse();
        assertThat(Pattern.compile("\\b(?:" + MonthNames.FULL + ")\\b").matcher("the august report").find()).isTrue();
    }
}
