package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerWeightsTest {

    @Test
    void should_ship_defaults_that_pass_their_own_checks() {
        assertThat(SentenceWeights.DEFAULT.coverage() + SentenceWeights.DEFAULT.context()
                + SentenceWeights.DEFAULT.similarity() + SentenceWeights.DEFAULT.type() + SentenceWeights.DEFAULT.rank())
                .as("the shares of a sentence's score add up to 1").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ShortAnswerWeights.DEFAULT.countedNounWindow()).isPositive();
        assertThat(AnswerabilityWeights.DEFAULT.lateDays()).isPositive();
    }

    @Test
    void should_name_the_record_and_field_that_is_out_of_range() {
        SentenceWeights s = SentenceWeights.DEFAULT;
        assertThatThrownBy(() -> new SentenceWeights(s.coverage(), s.context(), s.similarity(), s.type(), s.rank(),
                1.5, s.minWords(), s.furtherSentence(), s.namedOutlet(), s.followUp(), s.nameTerm(), s.focusTerm(),
                s.contextCredit(), s.relatedCredit(), s.rareTermMatch(), s.nameOnlyPlace(), s.rareShare()))
                .hasMessage("SentenceWeights.background must be from 0 to 1, was 1.5");
        assertThatThrownBy(() -> new ShortAnswerWeights(0, 60, 4, 4, 0.3, 0.1))
                .hasMessage("ShortAnswerWeights.countedNounWindow must be at least 1.0, was 0.0");
        assertThatThrownBy(() -> new AnswerabilityWeights(0.5, 5, 0.5, 60, 7, 60, 365, 3650, Double.NaN, 7))
                .hasMessage("AnswerabilityWeights.unknownNameShare must be from 0 to 1, was NaN");
    }
}
