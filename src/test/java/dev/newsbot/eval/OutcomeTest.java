package dev.newsbot.eval;

import static dev.newsbot.eval.Cases.answerable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private final EvalQuestion question = answerable("q1", List.of("a"), List.of("x"));

    @Test
    void should_keep_each_article_once_at_its_first_position() {
        Outcome outcome = new Outcome(question, List.of("b", "a", "b", "c"), "x", List.of("a", "a", "b"), false, 1);

        assertThat(outcome.rankedArticleUrls()).containsExactly("b", "a", "c");
        assertThat(outcome.citedUrls()).containsExactly("a", "b");
    }

    @Test
    void should_name_an_article_by_url_or_else_by_id() {
        assertThat(Outcome.articleKey(" https://example.org/a ", "id-1")).isEqualTo("https://example.org/a");
        assertThat(Outcome.articleKey(null, "id-1")).isEqualTo("id-1");
        assertThat(Outcome.articleKey("  ", "id-1")).isEqualTo("id-1");
    }

    @Test
    void should_name_the_invalid_field() {
        assertThatThrownBy(() -> new Outcome(question, List.of(), "x", List.of(), false, -1))
                .hasMessage("Outcome.latencyMs must not be negative, was -1");
        assertThatThrownBy(() -> new Outcome(question, Arrays.asList("a", null), "x", List.of(), false, 0))
                .hasMessage("Outcome.rankedArticleUrls must not contain null");
        assertThatThrownBy(() -> new Outcome(question, List.of(), null, List.of(), false, 0))
                .hasMessage("Outcome.reply must not be null");
    }
}
