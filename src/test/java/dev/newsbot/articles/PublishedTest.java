package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PublishedTest {

    @Test
    void should_parse_a_date_without_inventing_a_time() {
        assertThat(Published.parse("2022-06-12")).isEqualTo(Published.ofDate(LocalDate.of(2022, 6, 12)));
    }

    @Test
    void should_parse_date_times_with_offset_or_z() {
        assertThat(Published.parse("2023-09-26T17:01:22+00:00").dateTime())
                .isEqualTo(OffsetDateTime.parse("2023-09-26T17:01:22Z"));
        assertThat(Published.parse("2023-09-26T23:30:00-05:00").date()).isEqualTo(LocalDate.of(2023, 9, 26));
        assertThat(Published.parse("2023-09-26T17:01Z").toString()).isEqualTo("2023-09-26T17:01Z");
    }

    @Test
    void should_take_a_local_date_time_as_utc() {
        assertThat(Published.parse("2023-09-26T17:01:22").dateTime())
                .isEqualTo(OffsetDateTime.parse("2023-09-26T17:01:22Z"));
    }

    @Test
    void should_reject_text_that_is_not_iso() {
        for (String bad : new String[] {"2022-13-45", "26/09/2023", "2023-09-26 17:01", "2023-09-26T25:00", ""}) {
            assertThatThrownBy(() -> Published.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }
}
