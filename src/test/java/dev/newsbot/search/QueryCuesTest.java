package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryCuesTest {

    private static final LocalDate ASKED = LocalDate.of(2023, 12, 1);

    @Test
    void should_see_a_question_about_recent_events() {
        assertThat(QueryCues.of("Which automaker recalled cars this week?", Set.of(), ASKED).recent()).isTrue();
        assertThat(QueryCues.of("What was recently green lit?", Set.of(), ASKED).recent()).isTrue();
        assertThat(QueryCues.of("Who founded the company?", Set.of(), ASKED).recent()).isFalse();
    }

    @Test
    void should_take_the_outlets_out_of_a_claim_but_keep_its_words() {
        // "the Verge" is the outlet The Verge, whatever its case.
        Set<String> outlets = Set.of("Reuters", "The Verge", "BBC");

        assertThat(QueryCues.withoutOutlets("Did the Verge report say BBC's budget for Reuters passed?", outlets)
                .replaceAll("\\s+", " ")).isEqualTo("Did report say 's budget for passed?");
        assertThat(QueryCues.withoutOutlets("BBC", outlets)).isEqualTo("BBC");
    }

    @Test
    void should_find_named_outlets_with_or_without_their_article() {
        QueryCues cues = QueryCues.of("Does 'The Verge' agree with techcrunch, unlike The Age?",
                Set.of("The Verge", "TechCrunch", "The Age", "CNN", "Agency"), ASKED);

        assertThat(cues.outlets()).containsExactlyInAnyOrder("the verge", "techcrunch", "the age");
        assertThat(cues.namesOutlet("TechCrunch")).isTrue();
        assertThat(cues.namesOutlet("CNN")).isFalse();
        assertThat(cues.namesOutlet(null)).isFalse();
    }

    @Test
    void should_read_iso_and_written_days() {
        QueryCues cues = QueryCues.of("Between the report on 2023-11-24 and the one published on October 1st, 2022,"
                + " and on March 3rd?", Set.of(), ASKED);

        assertThat(cues.days()).containsExactlyInAnyOrder(LocalDate.of(2023, 11, 24), LocalDate.of(2022, 10, 1),
                LocalDate.of(2023, 3, 3));
    }

    @Test
    void should_read_shortened_months_and_days_written_before_the_month() {
        QueryCues cues = QueryCues.of("Did the Oct. 2nd report, the one of 7 October 2022, the 3rd of Dec and the"
                + " Sept 9, 2021 story agree that prices may 5 times rise by May 1?", Set.of(), ASKED);

        assertThat(cues.days()).containsExactlyInAnyOrder(LocalDate.of(2023, 10, 2), LocalDate.of(2022, 10, 7),
                LocalDate.of(2023, 12, 3), LocalDate.of(2021, 9, 9), LocalDate.of(2023, 5, 1));
    }

    @Test
    void should_keep_the_outlets_in_the_sets_order_on_every_run() {
        Set<String> known = new java.util.LinkedHashSet<>(List.of("TechCrunch", "The Verge", "The Age", "Wired",
                "Fortune", "Polygon", "Engadget", "Reuters"));

        QueryCues cues = QueryCues.of("Did Reuters, Polygon, Wired, The Age, Fortune, Engadget, The Verge and"
                + " TechCrunch agree?", known, ASKED);

        assertThat(cues.outlets()).containsExactly("techcrunch", "the verge", "the age", "wired", "fortune", "polygon",
                "engadget", "reuters");
    }

    @Test
    void should_ignore_days_that_do_not_exist() {
        assertThat(QueryCues.of("On 2023-02-30 or February 30th?", Set.of(), ASKED).days()).isEmpty();
        assertThat(QueryCues.of("On 29 Feb 2023 or Feb. 29, 2024?", Set.of(), ASKED).days())
                .containsExactly(LocalDate.of(2024, 2, 29));
    }

    @Test
    void should_split_a_comparison_into_its_claims() {
        assertThat(QueryCues.clauses("Does The Verge say Google pays for defaults, while TechCrunch says Apple never"
                + " switched?")).containsExactly("Does The Verge say Google pays for defaults",
                "TechCrunch says Apple never switched?");
        assertThat(QueryCues.clauses("Who won the cup final?")).isEmpty();
    }
}
