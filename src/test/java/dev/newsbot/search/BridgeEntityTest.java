package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BridgeEntityTest {

    private static final String QUESTION = "Who is the individual whose trial began, as reported by TechCrunch?";

    @Test
    void should_find_the_name_most_leading_articles_share_by_its_last_word() {
        List<String> articles = List.of(
                "SBF trial begins\nThe trial of Sam Bankman-Fried began in New York on Tuesday.",
                "Jury picked\nAccording to TechCrunch, Bankman-Fried's lawyers picked a jury in New York.",
                "Crypto week\nBinance and Coinbase shares fell on Tuesday; regulators met.",
                "Closing arguments\nThe defense said Bankman-Fried acted in good faith.");

        assertThat(BridgeEntity.of(QUESTION, articles, Set.of("TechCrunch"), 2)).contains("bankman-fried");
    }

    @Test
    void should_leave_out_names_the_question_or_an_outlet_holds_stop_words_and_short_words() {
        List<String> articles = List.of(
                "According to TechCrunch\nThe trial began on Tuesday. The CEO spoke in the US in October.",
                "According to TechCrunch\nThe trial began on Tuesday. The CEO spoke in the US in October.");

        assertThat(BridgeEntity.of(QUESTION, articles, Set.of("TechCrunch"), 2)).isEmpty();
    }

    @Test
    void should_need_the_name_in_enough_articles() {
        List<String> articles = List.of("Sam Bankman-Fried testified.", "The jury met.", "Markets fell.");

        assertThat(BridgeEntity.of(QUESTION, articles, Set.of(), 2)).isEmpty();
        assertThat(BridgeEntity.of(QUESTION, articles, Set.of(), 1)).contains("bankman-fried");
    }

    @Test
    void should_see_a_mention_as_a_whole_word_in_any_case_with_a_possessive() {
        assertThat(BridgeEntity.mentions("BANKMAN-FRIED's parents sat in court.", "bankman-fried")).isTrue();
        assertThat(BridgeEntity.mentions("Googleplex tours resumed.", "google")).isFalse();
    }
}
