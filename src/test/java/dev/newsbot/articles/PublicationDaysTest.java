package dev.newsbot.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The newest article not after a question date, found among sorted publication days. */
class PublicationDaysTest {

    private static Article dated(String id, LocalDate day) {
        Published published = day == null ? null : Published.ofDate(day);
        return new Article(id, "Title " + id, "Outlet", null, published, null, "Text.");
    }

    private final PublicationDays days = PublicationDays.of(ArticleSet.of("s", List.of(
            dated("a", LocalDate.of(2024, 3, 1)), dated("b", LocalDate.of(2024, 1, 5)), dated("c", null),
            dated("d", LocalDate.of(2024, 1, 5)), dated("e", LocalDate.of(2023, 12, 20)))));

    @Test
    void should_give_the_newest_day_not_after_the_one_asked() {
        assertThat(days.newestOnOrBefore(LocalDate.of(2024, 6, 1))).contains(LocalDate.of(2024, 3, 1));
        assertThat(days.newestOnOrBefore(LocalDate.of(2024, 3, 1))).contains(LocalDate.of(2024, 3, 1));
        assertThat(days.newestOnOrBefore(LocalDate.of(2024, 2, 29))).contains(LocalDate.of(2024, 1, 5));
        assertThat(days.newestOnOrBefore(LocalDate.of(2024, 1, 5))).contains(LocalDate.of(2024, 1, 5));
        assertThat(days.newestOnOrBefore(LocalDate.of(2023, 12, 31))).contains(LocalDate.of(2023, 12, 20));
    }

    @Test
    void should_give_nothing_before_the_first_dated_article_or_without_dates() {
        assertThat(days.newestOnOrBefore(LocalDate.of(2023, 12, 19))).isEmpty();
        assertThat(PublicationDays.of(ArticleSet.of("s", List.of(dated("c", null))))
                .newestOnOrBefore(LocalDate.of(2024, 1, 1))).isEmpty();
    }

    @Test
    void should_say_whether_any_article_is_dated_after_a_day() {
        assertThat(days.noneAfter(LocalDate.of(2024, 3, 1))).isTrue();
        assertThat(days.noneAfter(LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(PublicationDays.of(ArticleSet.of("s", List.of(dated("c", null))))
                .noneAfter(LocalDate.of(2000, 1, 1))).isTrue();
    }
}
