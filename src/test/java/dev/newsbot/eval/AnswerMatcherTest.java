package dev.newsbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMatcherTest {

    @Test
    void should_find_a_short_lead_only_before_another_cited_sentence() {
        assertThat(AnswerMatcher.lead("Luke Humphries. [1] The final pits Littler against Humphries. [1] [2]"))
                .contains("Luke Humphries.");
        assertThat(AnswerMatcher.lead("Luke Humphries beat Littler in the final. [1] He won 7-4. [1]")).isEmpty();
        assertThat(AnswerMatcher.lead("Humphries won. [1]")).isEmpty();
        assertThat(AnswerMatcher.lead("The articles do not say.")).isEmpty();
    }

    @Test
    void should_normalise_case_quotes_and_whitespace() {
        assertThat(AnswerMatcher.normalise("  \u201CSquid\tGame\u201D and  McDonald\u2019s 'x' \"y\" \u2018z\u2019 "))
                .isEqualTo("squid game and mcdonalds x y z");
    }

    @Test
    void should_accept_a_reply_stating_the_answer_in_other_case_and_quotes() {
        assertThat(correct("The show is \"squid   game\" [1].", List.of("\u201CSquid Game\u201D"), List.of()))
                .isTrue();
    }

    @Test
    void should_reject_a_reply_that_also_states_a_distractor() {
        assertThat(correct("Europe or maybe Asia [1].", List.of("Europe"), List.of("Asia"))).isFalse();
        assertThat(correct("Europe [1].", List.of("Europe"), List.of("Asia"))).isTrue();
    }

    @Test
    void should_match_only_on_word_boundaries() {
        assertThat(correct("It happened in 1959 [1].", List.of("59"), List.of())).isFalse();
        assertThat(correct("Exactly 59, not more [1].", List.of("59"), List.of())).isTrue();
        assertThat(correct("The fee is $50 [1].", List.of("$5"), List.of())).isFalse();
        assertThat(correct("The fee is US$5 [1].", List.of("$5"), List.of())).isTrue();
        assertThat(correct("About 60%. [1]", List.of("60%"), List.of())).isTrue();
        assertThat(correct("Googled it[1].", List.of("Google"), List.of())).isFalse();
        assertThat(correct("Google[1].", List.of("Google"), List.of())).isTrue();
    }

    @Test
    void should_not_find_a_distractor_inside_a_longer_word() {
        assertThat(correct("Europe, not Asian markets [1].", List.of("Europe"), List.of("Asia"))).isTrue();
    }

    @Test
    void should_not_read_citation_markers_as_numbers() {
        assertThat(correct("Three people were hurt [2].", List.of("2"), List.of())).isFalse();
    }

    @Test
    void should_ignore_trailing_punctuation_of_an_answer() {
        assertThat(correct("Companies, mostly [1].", List.of("Companies."), List.of())).isTrue();
        assertThat(correct("In Washington, D.C. [1]", List.of("Washington, D.C."), List.of())).isTrue();
    }

    @Test
    void should_require_a_yes_or_no_answer_to_open_the_reply() {
        assertThat(correct("**Yes**, both articles say so [1].", List.of("Yes"), List.of())).isTrue();
        assertThat(correct("No. The Verge disagrees [1].", List.of("no"), List.of())).isTrue();
        assertThat(correct("Based on the articles, yes [1].", List.of("Yes"), List.of())).isFalse();
        assertThat(correct("Yes, though no one agrees [1].", List.of("no"), List.of())).isFalse();
    }

    @Test
    void should_not_take_a_longer_word_for_yes_or_no() {
        assertThat(correct("I know no more [1].", List.of("no"), List.of())).isFalse();
        assertThat(correct("Not really [1].", List.of("no"), List.of())).isFalse();
        assertThat(correct("Yesterday, it was [1].", List.of("yes"), List.of())).isFalse();
    }

    @Test
    void should_accept_any_of_several_answers() {
        assertThat(correct("Trader Joe's [1].", List.of("Aldi", "Trader Joe\u2019s"), List.of())).isTrue();
    }

    @Test
    void should_reject_every_reply_when_there_is_no_usable_answer() {
        assertThat(correct("Anything [1].", List.of("\u201C\u201D"), List.of())).isFalse();
        assertThat(correct("Anything [1].", List.of(), List.of())).isFalse();
    }

    private static boolean correct(String reply, List<String> answers, List<String> distractors) {
        return AnswerMatcher.isCorrect(reply, answers, distractors);
    }
}
